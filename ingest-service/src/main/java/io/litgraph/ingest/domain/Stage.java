package io.litgraph.ingest.domain;

/**
 * How far a document version has got. Stages only move forward ({@link #rank}); FAILED ends any stage
 * except INDEXED, since a document that reached the index has been fully processed.
 */
public enum Stage {
    ACCEPTED(0), PUBLISHED(1), ANNOTATED(2), INDEXED(3), FAILED(4);

    private final int rank;

    Stage(int rank) {
        this.rank = rank;
    }

    public boolean canAdvanceTo(Stage next) {
        if (this == next || this == FAILED) {
            return false;
        }
        if (next == FAILED) {
            return this != INDEXED;
        }
        return next.rank > rank;
    }
}
