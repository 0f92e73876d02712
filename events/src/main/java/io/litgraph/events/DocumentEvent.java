package io.litgraph.events;

import java.time.Instant;

/**
 * Topic {@link Topics#DOCUMENTS}, key = documentId. Version numbers grow per document; consumers keep
 * only the highest version they have seen.
 *
 * @param contentHash SHA-256 (hex) of the normalized title + text, the deduplication key
 */
public record DocumentEvent(int schemaVersion, String eventId, String documentId, int version,
                            Instant occurredAt, String contentHash, DocumentPayload document) {
    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE = "DocumentAccepted";
}
