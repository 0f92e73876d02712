package io.litgraph.query.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** One row of a document listing; {@code score} and {@code snippet} only when the listing is a text search. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentSummary(String id, int version, String title, String source, String url, String published,
                              Instant indexedAt, int mentionCount, int relationCount, Double score, String snippet) {
}
