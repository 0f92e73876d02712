package io.litgraph.nlp.io;

import io.litgraph.nlp.InputDocument;

import java.util.List;

/**
 * One PubTator record: title, abstract, mention lines and relation lines, ids as the file writes them
 * (raw "D003924", "3569", "5595(Tax:9606)" in gold corpora; CURIEs in litgraph's own output).
 */
public record PubTatorDocument(String id, String title, String abstractText, List<Entity> entities, List<Link> relations) {

    /** A mention line; {@code ids} holds the identifier field as written (possibly composite, possibly empty). */
    public record Entity(int start, int end, String text, String type, String ids) {
    }

    /** A relation line: type and the two identifiers (and optional trailing fields such as novelty). */
    public record Link(String type, String id1, String id2, String extra) {
    }

    public InputDocument toInput() {
        return InputDocument.of(id, title, abstractText);
    }

    /** title + " " + abstract, the text PubTator offsets index into. */
    public String text() {
        if (abstractText == null || abstractText.isEmpty()) {
            return title;
        }
        return title + " " + abstractText;
    }
}
