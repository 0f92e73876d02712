package io.litgraph.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.litgraph.ingest.domain.DocumentEntity;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** A stored document as GET /api/documents/{id} shows it: the published payload plus its status. */
@Schema(name = "StoredDocument", requiredProperties = {"id", "version", "format", "contentHash", "document", "status"})
public record DocumentView(@Schema(example = "pmid-31234567") String id,
                           @Schema(example = "1") int version,
                           @Schema(description = "the format it was submitted in", example = "json") String format,
                           @Schema(description = "SHA-256 of the normalized content") String contentHash,
                           @Schema(nullable = true, example = "IL-6 and insulin resistance") String title,
                           @Schema(implementation = Object.class, type = SchemaType.OBJECT, description = "the document as published to "
                                   + "litgraph.documents.v1 (see docs/EVENTS.md)") JsonNode document,
                           StatusView status,
                           @Schema(example = "2026-11-23T19:10:00Z") Instant createdAt,
                           @Schema(example = "2026-11-23T19:10:00Z") Instant updatedAt,
                           SubmissionResponse.Links links) {

    public static DocumentView of(DocumentEntity e) {
        JsonNode payload;
        try {
            payload = io.litgraph.events.EventJson.mapper().readTree(e.payload);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new DocumentView(e.id, e.version, e.format, e.contentHash, e.title, payload, StatusView.of(e),
                e.createdAt, e.updatedAt, SubmissionResponse.Links.of(e.id));
    }
}
