package io.litgraph.query.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One extracted relation with the sentence it rests on; all offsets are document-global. {@code belief}:
 * the relation's belief over all its evidence in the corpus, {@code evidenceCount} its evidence sentences
 * (affirmed and negated); both absent where the relation's own figures are given next to it (path hops).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RelationEvidence(String documentId, String documentTitle, String type, boolean directed,
                               Participant subject, Participant object, Span trigger, Span sentence,
                               boolean negated, boolean speculative, double confidence, Double belief,
                               Integer evidenceCount) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Participant(String id, String name, String type, Span span) {
    }
}
