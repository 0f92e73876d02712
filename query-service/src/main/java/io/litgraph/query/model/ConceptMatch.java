package io.litgraph.query.model;

/** An autocomplete hit: the concept and the name or synonym that matched. */
public record ConceptMatch(String id, String type, String name, String matched, int documentCount,
                           int mentionCount) {
}
