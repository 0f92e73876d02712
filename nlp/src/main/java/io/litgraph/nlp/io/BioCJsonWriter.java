package io.litgraph.nlp.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.litgraph.nlp.AnnotatedDocument;
import io.litgraph.nlp.InputDocument;
import io.litgraph.nlp.Mention;
import io.litgraph.nlp.Passage;
import io.litgraph.nlp.Relation;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a BioC JSON collection (valid against bioc_schema.json). Offsets and lengths are in Java characters
 * (UTF-16 code units), the unit the engine works in; for text without characters outside the Basic Multilingual
 * Plane this equals Unicode code points. Annotations carry {@code type} and {@code identifier} infons (plus
 * negated/speculative when set); relations are document-level with role1/role2 nodes pointing at the first
 * mention of each concept.
 */
public final class BioCJsonWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BioCJsonWriter() {
    }

    public record Item(InputDocument input, AnnotatedDocument annotated) {
    }

    public static void write(List<Item> docs, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("source", "litgraph");
            g.writeStringField("date", LocalDate.now().toString());
            g.writeStringField("key", "litgraph.key");
            g.writeObjectFieldStart("infons");
            g.writeEndObject();
            g.writeArrayFieldStart("documents");
            for (Item d : docs) {
                document(g, d.input(), d.annotated());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void document(JsonGenerator g, InputDocument input, AnnotatedDocument doc) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", doc.id());
        g.writeObjectFieldStart("infons");
        g.writeStringField("engine_version", doc.engineVersion());
        g.writeStringField("vocabulary_version", doc.vocabularyVersion());
        g.writeEndObject();
        g.writeArrayFieldStart("passages");
        int n = 0;
        Map<String, String> firstMention = new HashMap<>();
        for (Passage p : input.passages()) {
            g.writeStartObject();
            g.writeObjectFieldStart("infons");
            g.writeStringField("type", p.type());
            g.writeEndObject();
            g.writeNumberField("offset", p.offset());
            g.writeStringField("text", p.text());
            g.writeArrayFieldStart("sentences");
            g.writeEndArray();
            g.writeArrayFieldStart("annotations");
            for (Mention m : doc.mentions()) {
                if (m.start() >= p.offset() && m.end() <= p.end()) {
                    String id = "T" + n++;
                    if (m.conceptId() != null) {
                        firstMention.putIfAbsent(m.conceptId(), id);
                    }
                    g.writeStartObject();
                    g.writeStringField("id", id);
                    g.writeObjectFieldStart("infons");
                    g.writeStringField("type", m.type().name());
                    if (m.conceptId() != null) {
                        g.writeStringField("identifier", m.conceptId());
                    }
                    if (m.negated()) {
                        g.writeStringField("negated", "true");
                    }
                    if (m.speculative()) {
                        g.writeStringField("speculative", "true");
                    }
                    g.writeEndObject();
                    g.writeStringField("text", m.text());
                    g.writeArrayFieldStart("locations");
                    g.writeStartObject();
                    g.writeNumberField("offset", m.start());
                    g.writeNumberField("length", m.end() - m.start());
                    g.writeEndObject();
                    g.writeEndArray();
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("relations");
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("relations");
        int r = 0;
        for (Relation rel : doc.relations()) {
            g.writeStartObject();
            g.writeStringField("id", "R" + r++);
            g.writeObjectFieldStart("infons");
            g.writeStringField("type", rel.type());
            g.writeStringField("entity1", rel.subjectId());
            g.writeStringField("entity2", rel.objectId());
            g.writeStringField("confidence", String.format(java.util.Locale.ROOT, "%.2f", rel.confidence()));
            if (rel.negated()) {
                g.writeStringField("negated", "true");
            }
            g.writeEndObject();
            g.writeArrayFieldStart("nodes");
            node(g, firstMention.get(rel.subjectId()), "role1");
            node(g, firstMention.get(rel.objectId()), "role2");
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void node(JsonGenerator g, String refid, String role) throws IOException {
        if (refid == null) {
            return;
        }
        g.writeStartObject();
        g.writeStringField("refid", refid);
        g.writeStringField("role", role);
        g.writeEndObject();
    }
}
