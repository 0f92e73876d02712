package io.litgraph.entity.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.litgraph.nlp.AnnotatedDocument;
import io.litgraph.nlp.InputDocument;
import io.litgraph.nlp.Mention;
import io.litgraph.nlp.Passage;
import io.litgraph.nlp.Relation;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes annotation results as PubTator or BioC JSON, the two formats PubTator's own API speaks. Local
 * until nlp's io.litgraph.nlp.io writers exist.
 */
public final class OutputWriters {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OutputWriters() {
    }

    /** A document and what the engine found in it. */
    public record Result(InputDocument input, AnnotatedDocument annotated) {
    }

    /**
     * PubTator: {@code |t|} and {@code |a|} lines, one line per mention ({@code id start end text type
     * CURIE}, "-" without an identifier), one line per distinct document-level relation.
     */
    public static String pubTator(List<Result> results) {
        StringBuilder out = new StringBuilder();
        for (Result r : results) {
            String id = r.input().id();
            String text = DocumentText.of(r.input()).replace('\n', ' ').replace('\r', ' ');
            Passage first = r.input().passages().isEmpty() ? null : r.input().passages().get(0);
            boolean hasTitle = first != null && first.offset() == 0 && "title".equalsIgnoreCase(first.type());
            String title = hasTitle ? text.substring(0, first.end()) : "";
            int bodyStart = hasTitle ? Math.min(text.length(), first.end() + 1) : 0;
            out.append(id).append("|t|").append(title).append('\n');
            out.append(id).append("|a|").append(text.substring(bodyStart)).append('\n');
            for (Mention m : r.annotated().mentions()) {
                out.append(id).append('\t').append(m.start()).append('\t').append(m.end()).append('\t')
                        .append(m.text()).append('\t').append(m.type().name()).append('\t')
                        .append(m.conceptId() == null ? "-" : m.conceptId()).append('\n');
            }
            Set<String> relations = new LinkedHashSet<>();
            for (Relation rel : r.annotated().relations()) {
                relations.add(id + '\t' + rel.type() + '\t' + rel.subjectId() + '\t' + rel.objectId());
            }
            relations.forEach(line -> out.append(line).append('\n'));
            out.append('\n');
        }
        return out.toString();
    }

    /** A BioC JSON collection: mentions as passage annotations, relations at document level. */
    public static String biocJson(List<Result> results) {
        ObjectNode collection = JSON.createObjectNode();
        collection.put("source", "litgraph");
        collection.put("date", LocalDate.now().toString());
        collection.put("key", "litgraph.key");
        collection.putObject("infons");
        ArrayNode documents = collection.putArray("documents");
        for (Result r : results) {
            ObjectNode document = documents.addObject();
            document.put("id", r.input().id());
            ObjectNode infons = document.putObject("infons");
            infons.put("engine", r.annotated().engineVersion());
            infons.put("vocabulary", r.annotated().vocabularyVersion());
            ArrayNode passages = document.putArray("passages");
            int annotationId = 0;
            for (Passage p : r.input().passages()) {
                ObjectNode passage = passages.addObject();
                passage.putObject("infons").put("type", p.type());
                passage.put("offset", p.offset());
                passage.put("text", p.text());
                passage.putArray("sentences");
                ArrayNode annotations = passage.putArray("annotations");
                for (Mention m : r.annotated().mentions()) {
                    if (m.start() < p.offset() || m.start() >= p.end()) {
                        continue;
                    }
                    ObjectNode a = annotations.addObject();
                    a.put("id", Integer.toString(++annotationId));
                    ObjectNode ai = a.putObject("infons");
                    ai.put("type", m.type().name());
                    ai.put("identifier", m.conceptId());
                    if (m.negated()) {
                        ai.put("negated", "true");
                    }
                    if (m.speculative()) {
                        ai.put("speculative", "true");
                    }
                    a.put("text", m.text());
                    ArrayNode locations = a.putArray("locations");
                    locations.addObject().put("offset", m.start()).put("length", m.end() - m.start());
                }
                passage.putArray("relations");
            }
            document.putArray("annotations");
            ArrayNode relations = document.putArray("relations");
            int relationId = 0;
            for (Relation rel : r.annotated().relations()) {
                ObjectNode relation = relations.addObject();
                relation.put("id", "R" + (++relationId));
                ObjectNode ri = relation.putObject("infons");
                ri.put("type", rel.type());
                ri.put("role1", rel.subjectId());
                ri.put("role2", rel.objectId());
                ri.put("directed", Boolean.toString(rel.directed()));
                ri.put("confidence", Double.toString(rel.confidence()));
                if (rel.negated()) {
                    ri.put("negated", "true");
                }
                if (rel.sentence() != null) {
                    ri.put("sentence_offset", Integer.toString(rel.sentence().start()));
                }
                relation.putArray("nodes");
            }
        }
        try {
            return JSON.writeValueAsString(collection);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
