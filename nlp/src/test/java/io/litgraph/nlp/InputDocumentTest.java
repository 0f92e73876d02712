package io.litgraph.nlp;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputDocumentTest {

    @Test
    void titleAndBodyFollowThePubTatorConvention() {
        InputDocument doc = InputDocument.of("1", "IL-6", "Interleukin-6 and diabetes.");
        assertEquals(List.of(new Passage("title", 0, "IL-6"), new Passage("abstract", 5, "Interleukin-6 and diabetes.")),
                doc.passages());
    }

    @Test
    void smallGapsBetweenPassagesAreFine() {
        InputDocument doc = new InputDocument("1", List.of(new Passage("title", 0, "T"), new Passage("section", 5_000, "later")));
        assertEquals(5_000, doc.passages().get(1).offset());
    }

    @Test
    void aPassageFarBeyondTheTextIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new InputDocument("1", List.of(new Passage("abstract", 2_000_000_000, "text"))));
        assertTrue(e.getMessage().contains("gaps"), e.getMessage());
    }

    @Test
    void anOffsetNearIntMaxDoesNotOverflowTheCheck() {
        assertThrows(IllegalArgumentException.class,
                () -> new InputDocument("1", List.of(new Passage("abstract", Integer.MAX_VALUE - 2, "some text"))));
    }

    @Test
    void overlappingOrNegativePassagesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new InputDocument("1",
                List.of(new Passage("title", 0, "Title here"), new Passage("abstract", 4, "overlap"))));
        var e = assertThrows(IllegalArgumentException.class,
                () -> new InputDocument("1", List.of(new Passage("abstract", -1, "x"))));
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
    }
}
