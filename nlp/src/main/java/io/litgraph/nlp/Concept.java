package io.litgraph.nlp;

import java.util.List;

/** A normalized concept: primary CURIE, type, preferred name and cross-references (other CURIEs). */
public record Concept(String id, EntityType type, String name, List<String> xrefs) {
}
