package io.litgraph.ingest.format;

import io.litgraph.events.DocumentPayload;
import io.litgraph.events.PassagePayload;
import io.litgraph.ingest.support.Assembly;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Titles of plain-text documents from their first line, on texts written for this test. */
class TitleGuessTest {

    @Test
    void aShortFirstLineWithoutFinalPeriodIsTheTitle() {
        TitleGuess.Found t = TitleGuess.find("Sleep and appetite in teenagers\nShort sleep raised appetite the next day.");
        assertEquals("Sleep and appetite in teenagers", t.title());
        assertEquals(0, t.start());
    }

    @Test
    void aSentenceOrAParagraphIsNotATitle() {
        assertNull(TitleGuess.find("Short sleep raised appetite the next day.\nIt also raised snacking."));
        assertNull(TitleGuess.find("Only one line, the whole document"));
        assertNull(TitleGuess.find("A lead-in that ends with a colon:\nfirst point\nsecond point"));
        assertNull(TitleGuess.find("https://example.org/article/123\nThe body of the page."));
        assertFalse(TitleGuess.looksLikeTitle("lowercase start reads like a fragment"));
        assertFalse(TitleGuess.looksLikeTitle("x".repeat(TitleGuess.MAX_LENGTH + 1)));
    }

    @Test
    void leadingDatesAndBylinesAreSteppedOver() {
        String text = "Posted: June 2nd, 2022\nBy Jane Roe\nWhy Coffee Wakes You Up\nCaffeine blocks adenosine receptors.";
        TitleGuess.Found t = TitleGuess.find(text);
        assertEquals("Why Coffee Wakes You Up", t.title());
        assertEquals(text.indexOf("Why Coffee"), t.start());
        assertTrue(TitleGuess.isDateOrByline("12 March 2020"));
        assertTrue(TitleGuess.isDateOrByline("Published by Health Desk"));
    }

    @Test
    void plainTextTitleKeepsEveryOffset() {
        String body = "Posted: June 2nd, 2022\nWhy Coffee Wakes You Up\n\nCaffeine blocks adenosine receptors.\n";
        DocumentPayload p = Assembly.assemble(new PlainTextParser().parse(body).documents().get(0)).payload();
        assertEquals("Why Coffee Wakes You Up", p.title());
        String stripped = body.strip();
        for (PassagePayload passage : p.passages()) {
            assertEquals(stripped.substring(passage.offset(), passage.offset() + passage.text().length()), passage.text(),
                    "passage " + passage.type() + " is where it was in the body");
        }
        assertEquals(List.of("front", "title", "text"), p.passages().stream().map(PassagePayload::type).toList());
    }

    @Test
    void plainTextWithoutTitleIsOnePassage() {
        DocumentPayload p = Assembly.assemble(new PlainTextParser().parse("Caffeine blocks adenosine receptors. It wakes you.")
                .documents().get(0)).payload();
        assertNull(p.title());
        assertEquals(1, p.passages().size());
    }

    @Test
    void markdownFirstLineParagraphBecomesTheTitle() {
        DocumentPayload p = Assembly.assemble(new MarkdownParser().parse("Why Coffee Wakes You Up\n\nCaffeine blocks *adenosine* receptors.\n")
                .documents().get(0)).payload();
        assertEquals("Why Coffee Wakes You Up", p.title());
    }
}
