package io.litgraph.nlp.vocab;

/** One way of writing a concept: its text as the source spells it, the concept's index, and its kind. */
public record Term(String text, int concept, TermKind kind) {
}
