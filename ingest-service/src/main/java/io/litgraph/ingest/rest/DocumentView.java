package io.litgraph.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.litgraph.ingest.domain.DocumentEntity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** A stored document as GET /api/documents/{id} shows it: the published payload plus its status. */
public record DocumentView(String id, int version, String format, String contentHash, String title,
                           JsonNode document, StatusView status, Instant createdAt, Instant updatedAt,
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
