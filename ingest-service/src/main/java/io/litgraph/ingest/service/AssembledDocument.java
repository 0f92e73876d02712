package io.litgraph.ingest.service;

import io.litgraph.events.DocumentPayload;

/**
 * A document ready to store: passages with final document-global offsets and the content hash that
 * decides duplicates. {@code clientId} is null when the client gave none.
 */
public record AssembledDocument(String clientId, DocumentPayload payload, String contentHash) {
    /** The id used when the client gave none: stable, because it is derived from the content. */
    public String derivedId() {
        return "doc-" + contentHash.substring(0, 16);
    }
}
