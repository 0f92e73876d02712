package io.litgraph.ingest.service;

import io.litgraph.events.DocumentPayload;

import java.util.Map;

/**
 * A document ready to store: passages with final document-global offsets and the content hash that
 * decides duplicates. {@code clientId} is null when the client gave none; {@code sanitized} counts the
 * characters replaced at the door, by kind ({@link io.litgraph.ingest.format.StorableText}).
 */
public record AssembledDocument(String clientId, DocumentPayload payload, String contentHash,
                                Map<String, Integer> sanitized) {
    /** The id used when the client gave none: stable, because it is derived from the content. */
    public String derivedId() {
        return "doc-" + contentHash.substring(0, 16);
    }
}
