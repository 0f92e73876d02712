package io.litgraph.ingest.rest;

import io.litgraph.ingest.domain.DocumentEntity;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** GET /api/documents/{id}/status: stage ACCEPTED, PUBLISHED, ANNOTATED, INDEXED or FAILED (with the reason). */
@Schema(name = "DocumentStatus", requiredProperties = {"id", "version", "stage", "updatedAt"})
public record StatusView(@Schema(example = "pmid-31234567") String id,
                         @Schema(example = "1") int version,
                         @Schema(description = "INDEXED means queryable in query-service", enumeration = {"ACCEPTED", "PUBLISHED", "ANNOTATED", "INDEXED", "FAILED"},
                                 example = "INDEXED") String stage,
                         @Schema(description = "why the document FAILED", nullable = true) String detail,
                         @Schema(example = "2026-11-23T19:10:01Z") Instant updatedAt) {
    public static StatusView of(DocumentEntity e) {
        return new StatusView(e.id, e.version, e.stage.name(), e.detail, e.stageUpdatedAt);
    }
}
