package io.litgraph.nlp.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads BioC JSON: a collection ({@code {"documents": [...]}}), PubTator3's wrapper
 * ({@code {"PubTator3": [...]}}, whose infons hold numbers, booleans and nulls), a bare array of documents or a
 * single document. Infon values of any JSON type are read as their text.
 */
public final class BioCJsonReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BioCJsonReader() {
    }

    public static List<BioCDocument> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static List<BioCDocument> read(InputStream in) throws IOException {
        JsonNode root = JSON.readTree(in);
        JsonNode docs;
        if (root.isArray()) {
            docs = root;
        } else if (root.has("documents")) {
            docs = root.get("documents");
        } else if (root.has("PubTator3")) {
            docs = root.get("PubTator3");
        } else if (root.has("passages")) {
            docs = JSON.createArrayNode().add(root);
        } else {
            throw new IOException("not BioC JSON: no documents, PubTator3 or passages");
        }
        List<BioCDocument> out = new ArrayList<>();
        for (JsonNode d : docs) {
            out.add(document(d));
        }
        return out;
    }

    static BioCDocument document(JsonNode d) {
        List<BioCDocument.BioCPassage> passages = new ArrayList<>();
        List<BioCDocument.BioCRelation> relations = new ArrayList<>();
        for (JsonNode p : d.path("passages")) {
            List<BioCDocument.BioCAnnotation> anns = new ArrayList<>();
            for (JsonNode a : p.path("annotations")) {
                JsonNode loc = a.path("locations").path(0);
                anns.add(new BioCDocument.BioCAnnotation(text(a.get("id")), text(a.get("text")), infons(a.get("infons")),
                        loc.path("offset").asInt(), loc.path("length").asInt()));
            }
            relations.addAll(relations(p.path("relations")));
            passages.add(new BioCDocument.BioCPassage(p.path("offset").asInt(), p.has("text") ? text(p.get("text")) : null,
                    infons(p.get("infons")), List.copyOf(anns)));
        }
        relations.addAll(relations(d.path("relations")));
        String id = text(d.get("id"));
        if (id == null || id.isEmpty()) {
            id = text(d.get("_id"));
        }
        return new BioCDocument(id, infons(d.get("infons")), List.copyOf(passages), List.copyOf(relations));
    }

    private static List<BioCDocument.BioCRelation> relations(JsonNode rs) {
        List<BioCDocument.BioCRelation> out = new ArrayList<>();
        for (JsonNode r : rs) {
            List<BioCDocument.Node> nodes = new ArrayList<>();
            for (JsonNode n : r.path("nodes")) {
                nodes.add(new BioCDocument.Node(text(n.get("refid")), text(n.get("role"))));
            }
            out.add(new BioCDocument.BioCRelation(text(r.get("id")), infons(r.get("infons")), List.copyOf(nodes)));
        }
        return out;
    }

    private static Map<String, String> infons(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null || !n.isObject()) {
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> it = n.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String v = text(e.getValue());
            if (v != null) {
                out.put(e.getKey(), v);
            }
        }
        return out;
    }

    private static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        return n.isValueNode() ? n.asText() : n.toString();
    }
}
