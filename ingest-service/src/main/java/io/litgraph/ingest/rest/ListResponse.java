package io.litgraph.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.litgraph.ingest.service.ItemOutcome;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The answer to a multi-document request (PubMed set, BioC collection, PubTator file, NDJSON batch):
 * counts plus one result per document, in input order. {@code position} is the 1-based line for NDJSON and
 * the 1-based document number otherwise. {@code kind} tells it apart from a {@link SubmissionResponse}.
 */
@Schema(name = "SubmissionList", description = "The answer to a multi-document request: counts and one result per document",
        requiredProperties = {"kind", "format", "count", "accepted", "duplicates", "failed", "results"})
public record ListResponse(@Schema(description = "always list (the discriminator of SubmissionResult)", example = KIND) String kind,
                           @Schema(description = "the format the body was read as", example = "ndjson") String format,
                           @Schema(example = "2") int count,
                           @Schema(example = "1") int accepted,
                           @Schema(example = "0") int duplicates,
                           @Schema(example = "1") int failed,
                           List<Item> results) {

    static final String KIND = "list";

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(name = "SubmissionListItem", requiredProperties = {"position", "status"})
    public record Item(@Schema(description = "1-based line (NDJSON) or document number", example = "1") int position,
                       @Schema(example = "pmid-31234567") String id,
                       @Schema(example = "1") Integer version,
                       @Schema(description = "the document's stage, or REJECTED with the reason in error",
                               enumeration = {"ACCEPTED", "PUBLISHED", "ANNOTATED", "INDEXED", "FAILED", "REJECTED"}, example = "ACCEPTED")
                       String status,
                       Boolean duplicate,
                       SubmissionResponse.Links links,
                       List<String> warnings,
                       @Schema(description = "characters that could not be stored, by kind (only when some were replaced)")
                       Map<String, Integer> sanitized,
                       @Schema(implementation = ApiSchemas.Problem.class, description = "why the document was rejected")
                       Map<String, Object> error) {
    }

    public static ListResponse of(String format, List<ItemOutcome> outcomes) {
        int accepted = 0;
        int duplicates = 0;
        int failed = 0;
        List<Item> items = new java.util.ArrayList<>(outcomes.size());
        for (ItemOutcome o : outcomes) {
            if (o.problem() != null) {
                failed++;
                var p = o.problem();
                items.add(new Item(o.position(), o.id(), null, "REJECTED", null, null, null, null,
                        Problems.body(p.status(), p.type(), p.title(), p.getMessage(), null, p.extensions())));
            } else {
                var s = o.submission();
                if (s.duplicate()) {
                    duplicates++;
                } else {
                    accepted++;
                }
                items.add(new Item(o.position(), s.id(), s.version(), s.stage().name(), s.duplicate(),
                        SubmissionResponse.Links.of(s.id()), s.warnings(), s.sanitized(), null));
            }
        }
        return new ListResponse(KIND, format, outcomes.size(), accepted, duplicates, failed, items);
    }

    /** 202 when anything was accepted, otherwise 200: duplicates and per-document errors are in the results. */
    public int httpStatus() {
        return accepted > 0 ? 202 : 200;
    }
}
