package io.litgraph.query.format;

import io.litgraph.query.model.DocumentDetail;
import io.litgraph.query.model.DocumentDetail.MentionView;
import io.litgraph.query.model.DocumentDetail.Passage;
import io.litgraph.query.model.DocumentDetail.RelationView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a stored document maps onto BioC, shared by the XML and JSON writers so that both say the same:
 * one BioC passage per stored passage with the mentions that start in it (document-global offsets, as
 * BioC specifies), relations at document level with nodes pointing at the subject and object mentions.
 */
final class BioCModel {

    record Annotation(String id, Map<String, String> infons, int offset, int length, String text) {
    }

    record BioCPassage(Map<String, String> infons, int offset, String text, List<Annotation> annotations) {
    }

    record Node(String refid, String role) {
    }

    record BioCRelation(String id, Map<String, String> infons, List<Node> nodes) {
    }

    record BioCDocument(String id, Map<String, String> infons, List<BioCPassage> passages, List<BioCRelation> relations) {
    }

    private BioCModel() {
    }

    static BioCDocument of(DocumentDetail doc) {
        List<Passage> passages = doc.passages() == null || doc.passages().isEmpty()
                ? List.of(new Passage("text", 0, doc.text())) : doc.passages();
        List<List<Annotation>> perPassage = new ArrayList<>();
        passages.forEach(p -> perPassage.add(new ArrayList<>()));
        Map<String, String> annotationIdBySpan = new LinkedHashMap<>();
        int n = 0;
        for (MentionView m : doc.mentions()) {
            String id = "T" + (++n);
            Map<String, String> infons = new LinkedHashMap<>();
            if (m.conceptId() != null) {
                infons.put("identifier", m.conceptId());
            }
            infons.put("type", m.type());
            if (m.negated()) {
                infons.put("negated", "true");
            }
            if (m.speculative()) {
                infons.put("speculative", "true");
            }
            perPassage.get(passageOf(passages, m.start())).add(new Annotation(id, infons, m.start(), m.end() - m.start(),
                    XmlText.clean(m.text())));
            annotationIdBySpan.putIfAbsent(m.start() + ":" + m.end() + ":" + m.conceptId(), id);
        }
        List<BioCPassage> out = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            Map<String, String> infons = new LinkedHashMap<>();
            infons.put("type", p.type() == null ? "text" : p.type());
            out.add(new BioCPassage(infons, p.offset(), XmlText.clean(p.text()), perPassage.get(i)));
        }
        List<BioCRelation> relations = new ArrayList<>();
        int r = 0;
        for (RelationView rel : doc.relations()) {
            Map<String, String> infons = new LinkedHashMap<>();
            infons.put("type", rel.type());
            infons.put("role1", rel.subjectId());
            infons.put("role2", rel.objectId());
            infons.put("directed", Boolean.toString(rel.directed()));
            infons.put("negated", Boolean.toString(rel.negated()));
            infons.put("speculative", Boolean.toString(rel.speculative()));
            infons.put("confidence", Double.toString(rel.confidence()));
            if (rel.trigger() != null) {
                infons.put("trigger", XmlText.clean(rel.trigger().text()));
                infons.put("trigger_offset", Integer.toString(rel.trigger().start()));
            }
            if (rel.sentence() != null) {
                infons.put("sentence_offset", Integer.toString(rel.sentence().start()));
                infons.put("sentence_length", Integer.toString(rel.sentence().end() - rel.sentence().start()));
            }
            List<Node> nodes = new ArrayList<>();
            addNode(nodes, annotationIdBySpan, rel.subject(), rel.subjectId(), "Subject");
            addNode(nodes, annotationIdBySpan, rel.object(), rel.objectId(), "Object");
            relations.add(new BioCRelation("R" + (++r), infons, nodes));
        }
        Map<String, String> infons = new LinkedHashMap<>();
        infons.put("version", Integer.toString(doc.version()));
        putIfPresent(infons, "title", doc.title());
        if (doc.metadata() != null) {
            putIfPresent(infons, "source", doc.metadata().source());
            putIfPresent(infons, "url", doc.metadata().url());
            putIfPresent(infons, "published", doc.metadata().published());
            if (doc.metadata().authors() != null && !doc.metadata().authors().isEmpty()) {
                infons.put("authors", String.join("; ", doc.metadata().authors()));
            }
        }
        if (doc.engine() != null) {
            putIfPresent(infons, "engine", doc.engine().name() + " " + doc.engine().version());
            putIfPresent(infons, "vocabulary", doc.engine().vocabularyVersion());
        }
        return new BioCDocument(doc.id(), infons, out, relations);
    }

    private static void addNode(List<Node> nodes, Map<String, String> ids, io.litgraph.query.model.Span span,
                                String conceptId, String role) {
        if (span != null) {
            String id = ids.get(span.start() + ":" + span.end() + ":" + conceptId);
            if (id != null) {
                nodes.add(new Node(id, role));
            }
        }
    }

    private static void putIfPresent(Map<String, String> infons, String key, String value) {
        if (value != null && !value.isBlank()) {
            infons.put(key, XmlText.clean(value));
        }
    }

    private static int passageOf(List<Passage> passages, int offset) {
        int best = 0;
        for (int i = 0; i < passages.size(); i++) {
            if (passages.get(i).offset() <= offset) {
                best = i;
            }
        }
        return best;
    }
}
