package io.litgraph.nlp.match;

import io.litgraph.nlp.EntityType;

/**
 * A recognised entity occurrence while the pipeline works on it: span, type, the concept's index in the
 * vocabulary (-1 when the type is known but the identifier is not) and the sentence it is in.
 * {@code local} marks mentions created from a local abbreviation definition; {@code externalId} is an id that
 * comes from the text itself rather than the vocabulary (sequence variants), else null.
 */
public record Candidate(int start, int end, String text, EntityType type, int concept, int sentence, boolean local,
                        String externalId) {

    public Candidate(int start, int end, String text, EntityType type, int concept, int sentence, boolean local) {
        this(start, end, text, type, concept, sentence, local, null);
    }

    public Candidate withConcept(int newConcept) {
        return new Candidate(start, end, text, type, newConcept, sentence, local, externalId);
    }

    public boolean overlaps(Candidate o) {
        return start < o.end && o.start < end;
    }
}
