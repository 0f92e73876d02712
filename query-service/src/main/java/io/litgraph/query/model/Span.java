package io.litgraph.query.model;

/** A document-global character range [start, end) and the text it covers. */
public record Span(int start, int end, String text) {
}
