package io.litgraph.ingest.format;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StorableTextTest {

    @Test
    void replacesOneForOneSoOffsetsStay() {
        ParsedDocument doc = new ParsedDocument();
        doc.title = "IL\u00006";
        doc.passages.add(new ParsedPassage("abstract", 5, "a\u0001b\u007f\tc\nd\re \uD800 f \uDC00 g\uFFFEh\uFFFF"));
        doc.passages.add(new ParsedPassage("body", 40, "emoji \uD83E\uDDEC stays, e\u0301 too"));

        Map<String, Integer> sanitized = StorableText.clean(doc);

        assertEquals("IL 6", doc.title);
        assertEquals("a b \tc\nd\re \uFFFD f \uFFFD g\uFFFDh\uFFFD", doc.passages.get(0).text());
        assertEquals(5, doc.passages.get(0).offset());
        assertEquals("emoji \uD83E\uDDEC stays, e\u0301 too", doc.passages.get(1).text());
        assertEquals(Map.of("controlCharacters", 3, "loneSurrogates", 2, "noncharacters", 2), sanitized);
        assertTrue(doc.warnings.get(doc.warnings.size() - 1).contains("offsets are unchanged"), doc.warnings.toString());
    }

    @Test
    void cleansEveryFieldIncludingNestedMetadataAndKeys() {
        ParsedDocument doc = new ParsedDocument();
        doc.id = "a\u0000b";
        doc.source = "s\u0000";
        doc.url = "u\u0000";
        doc.published = "2020\u0000";
        doc.authors = List.of("A\u0000");
        doc.tags = List.of("t\uD800");
        doc.metadata.put("k\u0000", Map.of("inner\u0000", List.of("v\u0000", 7)));
        doc.addPassage("paragraph", "text");

        Map<String, Integer> sanitized = StorableText.clean(doc);

        assertEquals("a b", doc.id);
        assertEquals("s ", doc.source);
        assertEquals("u ", doc.url);
        assertEquals("2020 ", doc.published);
        assertEquals(List.of("A "), doc.authors);
        assertEquals(List.of("t\uFFFD"), doc.tags);
        assertEquals(Map.of("k ", Map.of("inner ", List.of("v ", 7))), doc.metadata);
        assertEquals(Map.of("controlCharacters", 8, "loneSurrogates", 1), sanitized);
    }

    @Test
    void cleanTextIsLeftAloneAndNothingIsReported() {
        ParsedDocument doc = new ParsedDocument();
        String text = "Interleukin-6 (IL-6)\twas raised.\n";
        doc.addPassage("paragraph", text);
        assertEquals(Map.of(), StorableText.clean(doc));
        assertSame(text, doc.passages.get(0).text());
        assertTrue(doc.warnings.isEmpty());
    }
}
