package io.litgraph.events;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Topic {@link Topics#DEAD_LETTER}, key = the failed record's key. Holds the original record verbatim
 * (as UTF-8 text; binary values are Base64) so that it can be inspected and re-driven.
 */
public record DeadLetterEvent(int schemaVersion, String eventId, Instant occurredAt, String service,
                              String sourceTopic, int sourcePartition, long sourceOffset, String key,
                              String value, String errorClass, String errorMessage) {
    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE = "DeadLetter";

    /** The {@code value} field for an original record value: its text when it is valid UTF-8, Base64 otherwise. */
    public static String valueText(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            return Base64.getEncoder().encodeToString(value);
        }
    }
}
