package io.litgraph.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class EventJsonTest {

    @Test
    void documentEventRoundTripsAndKeepsOffsets() {
        DocumentPayload doc = new DocumentPayload("Title", List.of(new PassagePayload("title", 0, "Title"),
                new PassagePayload("abstract", 6, "Body text.")), "test", null, null, null, List.of("t"), Map.of("k", "v"));
        DocumentEvent event = new DocumentEvent(DocumentEvent.SCHEMA_VERSION, "e1", "doc-1", 2,
                Instant.parse("2026-01-01T00:00:00Z"), "abc", doc);

        DocumentEvent back = EventJson.read(EventJson.write(event), DocumentEvent.class);

        assertEquals(event, back);
        assertEquals(6, back.document().passages().get(1).offset());
    }

    @Test
    void unknownFieldsAreIgnoredSoProducersCanAddOptionalFields() {
        String json = "{\"schemaVersion\":1,\"eventId\":\"e\",\"documentId\":\"d\",\"documentVersion\":1,"
                + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"service\":\"query-service\",\"stage\":\"INDEXED\","
                + "\"addedLater\":42}";
        DocumentStatusEvent event = EventJson.read(json, DocumentStatusEvent.class);
        assertEquals(DocumentStatusEvent.Stage.INDEXED, event.stage());
    }

    @Test
    void nullsAreLeftOut() {
        String json = new String(EventJson.write(new AnnotationEvent.SpanPayload(1, 2, null)));
        assertFalse(json.contains("text"), json);
    }

    @Test
    void deadLetterValuesAreTextWhenUtf8AndBase64Otherwise() {
        assertEquals("{not json", DeadLetterEvent.valueText("{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("/yg=", DeadLetterEvent.valueText(new byte[]{(byte) 0xFF, 0x28}));
        assertEquals(null, DeadLetterEvent.valueText(null));
    }
}
