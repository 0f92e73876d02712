package io.litgraph.entity.mapping;

import io.litgraph.events.DocumentEvent;
import io.litgraph.events.DocumentPayload;
import io.litgraph.events.PassagePayload;
import io.litgraph.nlp.InputDocument;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventMapperTest {

    private static DocumentEvent event(PassagePayload... passages) {
        return new DocumentEvent(1, "e", "doc-1", 1, Instant.now(), "0".repeat(64),
                new DocumentPayload(null, List.of(passages), null, null, null, null, null, null));
    }

    @Test
    void passagesKeepTheirDocumentOffsets() {
        InputDocument input = EventMapper.toInput(event(new PassagePayload("title", 0, "IL-6"),
                new PassagePayload("abstract", 5, "Interleukin-6 and diabetes."),
                new PassagePayload("section", 500, "A later section after a skipped table.")));
        assertEquals(3, input.passages().size());
        assertEquals(500, input.passages().get(2).offset());
    }

    @Test
    void aPassageFarBeyondTheTextIsInvalidNotAnAllocation() {
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class,
                () -> EventMapper.toInput(event(new PassagePayload("abstract", 2_000_000_000, "text"))));
        assertTrue(e.getMessage().contains("gaps"), e.getMessage()); // the engine input's rule, as an invalid event
    }

    @Test
    void overlappingPassagesAreInvalid() {
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class,
                () -> EventMapper.toInput(event(new PassagePayload("title", 0, "Title here"),
                        new PassagePayload("abstract", 4, "overlaps the title"))));
        assertTrue(e.getMessage().contains("overlaps"), e.getMessage());
    }

    @Test
    void anOffsetNearIntMaxDoesNotOverflowTheCheck() {
        assertThrows(InvalidDocumentException.class,
                () -> EventMapper.toInput(event(new PassagePayload("abstract", Integer.MAX_VALUE - 2, "some text"))));
    }
}
