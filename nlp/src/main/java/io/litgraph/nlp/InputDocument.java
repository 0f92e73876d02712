package io.litgraph.nlp;

import java.util.ArrayList;
import java.util.List;

/** What the engine reads: an id and its passages in document order. */
public record InputDocument(String id, List<Passage> passages) {

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
