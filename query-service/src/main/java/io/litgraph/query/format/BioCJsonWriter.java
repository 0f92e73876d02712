package io.litgraph.query.format;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.litgraph.query.format.BioCModel.Annotation;
import io.litgraph.query.format.BioCModel.BioCDocument;
import io.litgraph.query.format.BioCModel.BioCPassage;
import io.litgraph.query.format.BioCModel.BioCRelation;
import io.litgraph.query.format.BioCModel.Node;
import io.litgraph.query.model.DocumentDetail;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Map;

/** BioC JSON (bioc_schema.json): {source, date, key, infons, documents: [...]}, written as a stream. */
public class BioCJsonWriter implements DocumentWriter {
    private final JsonGenerator json;

    public BioCJsonWriter(OutputStream out) {
        try {
            this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void start() throws IOException {
        json.writeStartObject();
        json.writeStringField("source", "litgraph");
        json.writeStringField("date", LocalDate.now().toString());
        json.writeStringField("key", "BioC.key");
        json.writeObjectFieldStart("infons");
        json.writeEndObject();
        json.writeArrayFieldStart("documents");
    }

    @Override
    public void write(DocumentDetail detail) throws IOException {
        BioCDocument doc = BioCModel.of(detail);
        json.writeStartObject();
        json.writeStringField("id", doc.id());
        infons(doc.infons());
        json.writeArrayFieldStart("passages");
        for (BioCPassage p : doc.passages()) {
            json.writeStartObject();
            infons(p.infons());
            json.writeNumberField("offset", p.offset());
            json.writeStringField("text", p.text());
            json.writeArrayFieldStart("sentences");
            json.writeEndArray();
            json.writeArrayFieldStart("annotations");
            for (Annotation a : p.annotations()) {
                json.writeStartObject();
                json.writeStringField("id", a.id());
                infons(a.infons());
                json.writeStringField("text", a.text());
                json.writeArrayFieldStart("locations");
                json.writeStartObject();
                json.writeNumberField("offset", a.offset());
                json.writeNumberField("length", a.length());
                json.writeEndObject();
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("relations");
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("annotations");
        json.writeEndArray();
        json.writeArrayFieldStart("relations");
        for (BioCRelation r : doc.relations()) {
            json.writeStartObject();
            json.writeStringField("id", r.id());
            infons(r.infons());
            json.writeArrayFieldStart("nodes");
            for (Node n : r.nodes()) {
                json.writeStartObject();
                json.writeStringField("refid", n.refid());
                json.writeStringField("role", n.role());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }

    @Override
    public void end() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }

    private void infons(Map<String, String> infons) throws IOException {
        json.writeObjectFieldStart("infons");
        for (Map.Entry<String, String> e : infons.entrySet()) {
            json.writeStringField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
    }
}
