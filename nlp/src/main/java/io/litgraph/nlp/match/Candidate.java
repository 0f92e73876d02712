package io.litgraph.nlp.match;

import io.litgraph.nlp.EntityType;

/**
 * A recognised entity occurrence while the pipeline works on it: span, type, the concept's index in the
 * vocabulary (-1 when the type is known but the identifier is not) and the sentence it is in.
 * {@code local} marks mentions created from a local abbreviation definition.
 */
public record Candidate(int start, int end, String text, EntityType type, int concept, int sentence, boolean local) {

    public Candidate withConcept(int newConcept) {
        return new Candidate(start, end, text, type, newConcept, sentence, local);
    }

    public boolean overlaps(Candidate o) {
        return start < o.end && o.start < end;
    }
}
