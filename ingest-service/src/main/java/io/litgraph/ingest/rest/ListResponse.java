package io.litgraph.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.litgraph.ingest.service.ItemOutcome;

import java.util.List;
import java.util.Map;

/**
 * The answer to a multi-document request (PubMed set, BioC collection, PubTator file, NDJSON batch):
 * counts plus one result per document, in input order. {@code position} is the 1-based line for NDJSON and
 * the 1-based document number otherwise.
 */
public record ListResponse(String format, int count, int accepted, int duplicates, int failed, List<Item> results) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Item(int position, String id, Integer version, String status, Boolean duplicate,
                       SubmissionResponse.Links links, List<String> warnings, Map<String, Integer> sanitized,
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
        return new ListResponse(format, outcomes.size(), accepted, duplicates, failed, items);
    }

    /** 202 when anything was accepted, otherwise 200: duplicates and per-document errors are in the results. */
    public int httpStatus() {
        return accepted > 0 ? 202 : 200;
    }
}
