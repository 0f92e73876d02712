package io.litgraph.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.litgraph.ingest.service.Submission;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The answer to one submitted document. {@code status} is the document's current stage; {@code kind} tells it
 * apart from a {@link ListResponse}, since both answer POST /api/documents; {@code sanitized} (only when something
 * was replaced) counts the characters that could not be stored, by kind.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Submission", description = "The answer to one submitted document",
        requiredProperties = {"kind", "id", "version", "status", "links"})
public record SubmissionResponse(
        @Schema(description = "always submission (the discriminator of SubmissionResult)", example = KIND) String kind,
        @Schema(description = "the document id (yours, or derived from the content)", example = "pmid-31234567") String id,
        @Schema(description = "1 for a new id; a changed text under the same id is a new version", example = "1") int version,
        @Schema(description = "the document's current stage", enumeration = {"ACCEPTED", "PUBLISHED", "ANNOTATED", "INDEXED", "FAILED"}, example = "ACCEPTED") String status,
        @Schema(description = "true when the same content was already stored (nothing is published again)")
        boolean duplicate,
        Links links,
        @Schema(description = "what was ignored or repaired, e.g. unknown fields") List<String> warnings,
        @Schema(description = "characters that could not be stored, by kind (only when some were replaced)")
        Map<String, Integer> sanitized) {

    static final String KIND = "submission";

    @Schema(name = "SubmissionLinks", requiredProperties = {"self", "status"})
    public record Links(@Schema(example = "/api/documents/pmid-31234567") String self,
                        @Schema(example = "/api/documents/pmid-31234567/status") String status) {
        static Links of(String id) {
            String self = "/api/documents/" + id;
            return new Links(self, self + "/status");
        }
    }

    public static SubmissionResponse of(Submission s) {
        return new SubmissionResponse(KIND, s.id(), s.version(), s.stage().name(), s.duplicate(), Links.of(s.id()), s.warnings(),
                s.sanitized());
    }
}
