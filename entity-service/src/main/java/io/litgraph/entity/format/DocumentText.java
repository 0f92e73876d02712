package io.litgraph.entity.format;

import io.litgraph.nlp.InputDocument;
import io.litgraph.nlp.Passage;

/** A document's passages laid out at their offsets as one string, gaps filled with spaces. */
final class DocumentText {
    private DocumentText() {
    }

    static String of(InputDocument document) {
        int length = document.passages().stream().mapToInt(Passage::end).max().orElse(0);
        char[] chars = new char[length];
        java.util.Arrays.fill(chars, ' ');
        for (Passage p : document.passages()) {
            p.text().getChars(0, p.text().length(), chars, p.offset());
        }
        return new String(chars);
    }
}
