package io.litgraph.nlp.context;

/** Negation and speculation flags for one span. */
public record Modality(boolean negated, boolean speculative) {
    public static final Modality NONE = new Modality(false, false);
}
