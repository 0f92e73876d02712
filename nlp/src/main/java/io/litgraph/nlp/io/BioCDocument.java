package io.litgraph.nlp.io;

import io.litgraph.nlp.InputDocument;
import io.litgraph.nlp.Passage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A BioC document as read from BioC JSON: passages with their annotations, document-level relations. */
public record BioCDocument(String id, Map<String, String> infons, List<BioCPassage> passages, List<BioCRelation> relations) {

    public record BioCPassage(int offset, String text, Map<String, String> infons, List<BioCAnnotation> annotations) {
    }

    /** One annotation; {@code offset}/{@code length} of its first location (multi-location spans keep the first). */
    public record BioCAnnotation(String id, String text, Map<String, String> infons, int offset, int length) {
    }

    public record BioCRelation(String id, Map<String, String> infons, List<Node> nodes) {
    }

    public record Node(String refid, String role) {
    }

    public InputDocument toInput() {
        List<Passage> ps = new ArrayList<>();
        for (BioCPassage p : passages) {
            if (p.text() != null) {
                ps.add(new Passage(p.infons().getOrDefault("type", "passage"), p.offset(), p.text()));
            }
        }
        return new InputDocument(id, List.copyOf(ps));
    }
}
