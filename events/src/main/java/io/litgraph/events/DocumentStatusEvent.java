package io.litgraph.events;

import java.time.Instant;

/**
 * Topic {@link Topics#STATUS}, key = documentId. Lets ingest-service tell a client how far its
 * submission has got without reaching into the other services' tables.
 *
 * @param stage  ANNOTATED (entity-service), INDEXED (query-service) or FAILED (either)
 * @param detail the reason when FAILED, otherwise a short summary (e.g. "42 mentions")
 */
public record DocumentStatusEvent(int schemaVersion, String eventId, String documentId, int documentVersion,
                                  Instant occurredAt, String service, Stage stage, String detail) {
    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE = "DocumentStatus";

    public enum Stage { ANNOTATED, INDEXED, FAILED }
}
