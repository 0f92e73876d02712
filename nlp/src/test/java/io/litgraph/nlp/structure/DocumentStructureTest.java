package io.litgraph.nlp.structure;

import io.litgraph.nlp.InputDocument;
import io.litgraph.nlp.Passage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentStructureTest {

    private static LineRole roleOf(String text, String line) {
        String[] lines = text.split("\n", -1);
        LineRole[] roles = DocumentStructure.roles(text);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].equals(line)) {
                return roles[i];
            }
        }
        throw new AssertionError("no line " + line);
    }

    @Test
    void datesBylinesAndJournalLinesAreNotContent() {
        String text = String.join("\n",
                "Updated: February 2nd, 2024",
                "Gut bacteria shape the response to vaccines",
                "By Maria Lopez and Tom Hart",
                "Article author: Jan Novak",
                "Source: Journal of Imaginary Immunology",
                "Proc Imag Acad Sci. 2019;12(3):45-52. doi:10.1234/pias.2019.045",
                "Mice lacking the microbiota made fewer antibodies after vaccination than colonized mice.",
                "12 May 2021");
        assertEquals(LineRole.DATE, roleOf(text, "Updated: February 2nd, 2024"));
        assertEquals(LineRole.CONTENT, roleOf(text, "Gut bacteria shape the response to vaccines"));
        assertEquals(LineRole.BYLINE, roleOf(text, "By Maria Lopez and Tom Hart"));
        assertEquals(LineRole.BYLINE, roleOf(text, "Article author: Jan Novak"));
        assertEquals(LineRole.BYLINE, roleOf(text, "Source: Journal of Imaginary Immunology"));
        assertEquals(LineRole.JOURNAL, roleOf(text, "Proc Imag Acad Sci. 2019;12(3):45-52. doi:10.1234/pias.2019.045"));
        assertEquals(LineRole.CONTENT, roleOf(text,
                "Mice lacking the microbiota made fewer antibodies after vaccination than colonized mice."));
        assertEquals(LineRole.DATE, roleOf(text, "12 May 2021"));
    }

    @Test
    void aSentenceStartingWithByIsContent() {
        String text = "Intro line\nBy measuring glucose every hour, we found that fasting levels were stable.\nEnd";
        assertEquals(LineRole.CONTENT, roleOf(text, "By measuring glucose every hour, we found that fasting levels were stable."));
    }

    @Test
    void affiliationsAndTheNameLineAboveThem() {
        String text = String.join("\n",
                "Zinc and wound healing in the elderly",
                "",
                "Anna-Maria Keller",
                "",
                "Department of Geriatrics, Northfield University Hospital, Oslo, Norway.",
                "",
                "Zinc deficiency delays wound closure in older adults with pressure ulcers.");
        assertEquals(LineRole.AFFILIATION, roleOf(text, "Department of Geriatrics, Northfield University Hospital, Oslo, Norway."));
        assertEquals(LineRole.BYLINE, roleOf(text, "Anna-Maria Keller"));
        assertEquals(LineRole.CONTENT, roleOf(text, "Zinc and wound healing in the elderly"));
        assertEquals(LineRole.CONTENT, roleOf(text, "Zinc deficiency delays wound closure in older adults with pressure ulcers."));
    }

    @Test
    void aSentenceAboutAHospitalIsNotAnAffiliation() {
        String text = "Title\nPatients were recruited at the university hospital, and all of them gave consent.\nEnd";
        assertEquals(LineRole.CONTENT, roleOf(text, "Patients were recruited at the university hospital, and all of them gave consent."));
    }

    @Test
    void pageChromeAndNavigationBars() {
        String text = String.join("\n", "Share on Facebook", "Related articles", "Home - Topics - About - Contact",
                "#nutrition #sleep #health", "Sleep loss raises appetite the next day.");
        assertEquals(LineRole.CHROME, roleOf(text, "Share on Facebook"));
        assertEquals(LineRole.CHROME, roleOf(text, "Related articles"));
        assertEquals(LineRole.CHROME, roleOf(text, "Home - Topics - About - Contact"));
        assertEquals(LineRole.CHROME, roleOf(text, "#nutrition #sleep #health"));
        assertEquals(LineRole.CONTENT, roleOf(text, "Sleep loss raises appetite the next day."));
    }

    @Test
    void referenceListsRunFromTheirHeading() {
        String text = String.join("\n",
                "Vitamin D levels fall in winter in northern countries.",
                "References",
                "Berg, K. L., & Moss, T. (2020). Winter and vitamin D: a cohort. Nordic Health Review, 8(2), 11-19.",
                "[2] Ito H, Sato Y. Sunlight and bone. Bone Rep. 2018;9:1-5.");
        assertEquals(LineRole.CONTENT, roleOf(text, "Vitamin D levels fall in winter in northern countries."));
        assertEquals(LineRole.REFERENCE, roleOf(text, "References"));
        assertEquals(LineRole.REFERENCE, roleOf(text,
                "Berg, K. L., & Moss, T. (2020). Winter and vitamin D: a cohort. Nordic Health Review, 8(2), 11-19."));
        assertEquals(LineRole.REFERENCE, roleOf(text, "[2] Ito H, Sato Y. Sunlight and bone. Bone Rep. 2018;9:1-5."));
    }

    @Test
    void maskKeepsOffsetsAndLeavesAbstractsAlone() {
        String body = "Posted: March 3rd, 2022\nCoffee intake and liver enzymes\nCoffee lowered liver enzymes in the cohort.";
        InputDocument doc = new InputDocument("d", List.of(new Passage("text", 10, body)));
        InputDocument masked = DocumentStructure.mask(doc);
        String text = masked.passages().get(0).text();
        assertEquals(body.length(), text.length());
        assertEquals(10, masked.passages().get(0).offset());
        assertTrue(text.startsWith(" ".repeat("Posted: March 3rd, 2022".length()) + "\n"), text);
        assertTrue(text.endsWith("Coffee lowered liver enzymes in the cohort."));
        InputDocument abstractOnly = InputDocument.of("a", "A title", "One paragraph, published 2019;12:45-52, no line breaks.");
        assertSame(abstractOnly, DocumentStructure.mask(abstractOnly));
    }

    @Test
    void aPassageThatIsOnlyADateIsBlanked() {
        InputDocument doc = new InputDocument("d", List.of(new Passage("front", 0, "Posted: March 3rd, 2022"),
                new Passage("title", 24, "Coffee intake and liver enzymes")));
        InputDocument masked = DocumentStructure.mask(doc);
        assertTrue(masked.passages().get(0).text().isBlank());
        assertEquals("Coffee intake and liver enzymes", masked.passages().get(1).text());
    }
}
