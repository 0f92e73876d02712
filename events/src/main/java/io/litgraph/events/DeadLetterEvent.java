package io.litgraph.events;

import java.time.Instant;

/**
 * Topic {@link Topics#DEAD_LETTER}, key = the failed record's key. Holds the original record verbatim
 * (as UTF-8 text; binary values are Base64) so that it can be inspected and re-driven.
 */
public record DeadLetterEvent(int schemaVersion, String eventId, Instant occurredAt, String service,
                              String sourceTopic, int sourcePartition, long sourceOffset, String key,
                              String value, String errorClass, String errorMessage) {
    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE = "DeadLetter";
}
