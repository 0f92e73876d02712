package io.litgraph.ingest.format;

import io.litgraph.events.PassagePayload;
import io.litgraph.ingest.service.AssembledDocument;
import io.litgraph.ingest.service.ProblemException;
import io.litgraph.ingest.support.Assembly;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentAssemblerTest {
    private static ParsedDocument doc(String title, String... texts) {
        ParsedDocument doc = new ParsedDocument();
        doc.title = title;
        for (String text : texts) {
            doc.addPassage("text", text);
        }
        return doc;
    }

    @Test
    void titleAtZeroAndEachPassageOneCharacterAfterThePrevious() {
        AssembledDocument a = Assembly.assemble(doc("Title here", "First part.", "  Second part.  "));
        assertEquals(List.of(new PassagePayload("title", 0, "Title here"), new PassagePayload("text", 11, "First part."),
                new PassagePayload("text", 23, "Second part.")), a.payload().passages());
        assertEquals("doc-" + a.contentHash().substring(0, 16), a.derivedId());
    }

    @Test
    void hashIgnoresWhitespaceAndUnicodeCompositionButNotWords() {
        String h1 = Assembly.assemble(doc("Caf\u00e9 study", "IL-6  rises\n in obesity.")).contentHash();
        String h2 = Assembly.assemble(doc("Cafe\u0301 study", "IL-6 rises in obesity.")).contentHash();
        String h3 = Assembly.assemble(doc("Caf\u00e9 study", "IL-6 falls in obesity.")).contentHash();
        assertEquals(h1, h2);
        assertNotEquals(h1, h3);
    }

    @Test
    void textLimitCountsUtf8Bytes() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> Assembly.assembler(10).assemble(doc(null, "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9")));
        assertEquals(413, e.status());
        assertEquals(12L, e.extensions().get("size"));
    }

    @Test
    void invalidIdsAndOverlappingSourceOffsetsAre422() {
        ParsedDocument badId = doc(null, "text");
        badId.id = "has spaces/and slashes";
        assertEquals(422, assertThrows(ProblemException.class, () -> Assembly.assemble(badId)).status());

        ParsedDocument overlapping = new ParsedDocument();
        overlapping.passages.add(new ParsedPassage("title", 0, "A title"));
        overlapping.passages.add(new ParsedPassage("abstract", 3, "overlaps"));
        ProblemException e = assertThrows(ProblemException.class, () -> Assembly.assemble(overlapping));
        assertTrue(e.getMessage().contains("overlap"));

        // finding F4: accepted, it would reach the engine as a 2 GB document
        ParsedDocument farAway = new ParsedDocument();
        farAway.passages.add(new ParsedPassage("abstract", 2_000_000_000, "IL-6 in diabetes."));
        ProblemException gap = assertThrows(ProblemException.class, () -> Assembly.assemble(farAway));
        assertEquals(422, gap.status());
        assertTrue(gap.getMessage().contains("gaps"), gap.getMessage());
    }
}
