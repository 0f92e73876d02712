package io.litgraph.ingest.format;

import java.util.List;
import java.util.Locale;

/** Rules shared by the BioC XML, BioC JSON and PubTator readers. */
final class BioC {
    private BioC() {
    }

    /** An all-digit document id in BioC/PubTator is a PMID; it becomes {@code PMID:<n>} as in PubMed XML. */
    static String documentId(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String id = raw.strip();
        return id.chars().allMatch(Character::isDigit) ? "PMID:" + id : id;
    }

    static boolean isTitle(String passageType) {
        if (passageType == null) {
            return false;
        }
        String t = passageType.toLowerCase(Locale.ROOT);
        return t.equals("title") || t.equals("front") || t.equals("t");
    }

    record Sentence(int offset, String text) {
    }

    /**
     * A passage given only as sentences: rebuilt with spaces in the gaps, so each sentence stays at its
     * own document-global offset.
     */
    static String fromSentences(int passageOffset, List<Sentence> sentences) {
        StringBuilder text = new StringBuilder();
        for (Sentence sentence : sentences) {
            int at = sentence.offset() - passageOffset;
            if (at < text.length()) {
                // overlapping or unordered sentences: append with one separator rather than lose text
                at = text.length() + (text.length() == 0 ? 0 : 1);
            }
            while (text.length() < at) {
                text.append(' ');
            }
            text.append(sentence.text() == null ? "" : sentence.text());
        }
        return text.toString();
    }
}
