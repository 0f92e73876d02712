package io.litgraph.nlp.abbrev;

import io.litgraph.nlp.Span;

/** A local definition "long form (short form)", both spans document-global. */
public record Abbreviation(Span longForm, Span shortForm) {
}
