package io.litgraph.nlp;

/** A half-open character range [start, end) in document coordinates, with the text it covers. */
public record Span(int start, int end, String text) {
}
