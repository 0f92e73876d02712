package io.litgraph.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * What the engine reads: an id and its passages in document order.
 *
 * <p>Passages may not overlap or go backwards, may not start before 0, and the gaps between them (skipped
 * tables, figures …) may add at most {@link #MAX_TOTAL_GAP} characters to the document's extent. The
 * engine works on a document-sized buffer, so a passage claimed at offset 2·10^9 must be refused here as
 * invalid input rather than exhaust the heap.
 *
 * @throws IllegalArgumentException when the passages break these rules
 */
public record InputDocument(String id, List<Passage> passages) {
    public static final long MAX_TOTAL_GAP = 1_000_000;

    public InputDocument {
        long previousEnd = 0;
        long text = 0;
        for (Passage p : passages) {
            if (p.text() == null) {
                throw new IllegalArgumentException("document " + id + ": a passage has no text");
            }
            if (p.offset() < previousEnd) {
                throw new IllegalArgumentException("document " + id + ": passage at offset " + p.offset()
                        + (p.offset() < 0 ? " is negative" : " overlaps the previous one, which ends at " + previousEnd));
            }
            previousEnd = (long) p.offset() + p.text().length();
            text += p.text().length();
        }
        if (previousEnd - text > MAX_TOTAL_GAP) {
            throw new IllegalArgumentException("document " + id + ": passages span " + previousEnd + " characters for "
                    + text + " characters of text (gaps may add at most " + MAX_TOTAL_GAP + ")");
        }
    }

    /** The PubTator convention: title at offset 0, the body after one separating character. */
    public static InputDocument of(String id, String title, String body) {
        List<Passage> passages = new ArrayList<>();
        int offset = 0;
        if (title != null && !title.isEmpty()) {
            passages.add(new Passage("title", 0, title));
            offset = title.length() + 1;
        }
        if (body != null && !body.isEmpty()) {
            passages.add(new Passage("abstract", offset, body));
        }
        return new InputDocument(id, List.copyOf(passages));
    }
}
