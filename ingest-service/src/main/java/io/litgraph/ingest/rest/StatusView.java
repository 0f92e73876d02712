package io.litgraph.ingest.rest;

import io.litgraph.ingest.domain.DocumentEntity;

import java.time.Instant;

/** GET /api/documents/{id}/status: stage ACCEPTED, PUBLISHED, ANNOTATED, INDEXED or FAILED (with the reason). */
public record StatusView(String id, int version, String stage, String detail, Instant updatedAt) {
    public static StatusView of(DocumentEntity e) {
        return new StatusView(e.id, e.version, e.stage.name(), e.detail, e.stageUpdatedAt);
    }
}
