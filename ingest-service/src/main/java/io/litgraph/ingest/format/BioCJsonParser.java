package io.litgraph.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.litgraph.ingest.service.ProblemException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BioC JSON collections ({@code {source, date, key, documents:[…]}}) and PubTator3 exports
 * ({@code {"PubTator3": [document…]}}, BioC documents with extra keys). Passages keep their offsets;
 * source annotations are counted, not imported (the entity engine annotates on its own).
 */
public class BioCJsonParser implements DocumentParser {

    @Override
    public ParsedBody parse(String body) {
        JsonNode root = JsonDocumentParser.readTree(body, "json");
        if (!(root instanceof ObjectNode object)) {
            throw ProblemException.invalid("a BioC JSON body must be an object with a 'documents' array");
        }
        return fromTree(object);
    }

    ParsedBody fromTree(ObjectNode root) {
        boolean pubtator3 = root.has("PubTator3");
        JsonNode documents = pubtator3 ? root.get("PubTator3") : root.get("documents");
        if (documents == null || !documents.isArray()) {
            throw ProblemException.invalid(pubtator3 ? "'PubTator3' must be an array of documents"
                    : "a BioC collection needs a 'documents' array");
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        for (String field : List.of("source", "date", "key")) {
            if (root.hasNonNull(field)) {
                collection.put(field, root.get(field).asText());
            }
        }
        List<ParsedDocument> parsed = new ArrayList<>();
        int index = 0;
        for (JsonNode document : documents) {
            parsed.add(document(document, index++, collection, pubtator3));
        }
        return new ParsedBody(Format.BIOC_JSON, parsed);
    }

    private ParsedDocument document(JsonNode node, int index, Map<String, Object> collection, boolean pubtator3) {
        ParsedDocument doc = new ParsedDocument();
        if (!node.isObject()) {
            doc.error = "documents[" + index + "] is not an object";
            return doc;
        }
        doc.id = BioC.documentId(textOrNull(node.get("id")));
        doc.source = pubtator3 ? "PubTator3" : (String) collection.get("source");
        doc.putMetadata("collection", collection);
        doc.putMetadata("infons", infons(node.get("infons")));
        if (pubtator3) {
            doc.putMetadata("pmcid", textOrNull(node.get("pmcid")));
            doc.putMetadata("journal", textOrNull(node.get("journal")));
            doc.published = textOrNull(node.get("date"));
            JsonNode authors = node.get("authors");
            if (authors != null && authors.isArray()) {
                doc.authors = new ArrayList<>();
                authors.forEach(a -> doc.authors.add(a.asText()));
            }
        }
        int annotations = 0;
        JsonNode passages = node.get("passages");
        if (passages == null || !passages.isArray() || passages.isEmpty()) {
            doc.error = "document " + (doc.id == null ? "#" + index : doc.id) + " has no passages";
            return doc;
        }
        for (JsonNode passage : passages) {
            Map<String, Object> infons = infons(passage.get("infons"));
            String type = infons.containsKey("type") ? String.valueOf(infons.get("type"))
                    : String.valueOf(infons.getOrDefault("section_type", "paragraph"));
            int offset = passage.path("offset").asInt(0);
            String text = textOrNull(passage.get("text"));
            if (text == null && passage.path("sentences").isArray()) {
                List<BioC.Sentence> sentences = new ArrayList<>();
                for (JsonNode s : passage.get("sentences")) {
                    sentences.add(new BioC.Sentence(s.path("offset").asInt(0), textOrNull(s.get("text"))));
                    annotations += s.path("annotations").size();
                }
                text = BioC.fromSentences(offset, sentences);
            }
            annotations += passage.path("annotations").size();
            if (doc.title == null && BioC.isTitle(type) && text != null) {
                doc.title = text;
            }
            doc.passages.add(new ParsedPassage(type, offset, text == null ? "" : text));
        }
        doc.putMetadata("sourceAnnotations", annotations == 0 ? null : annotations);
        return doc;
    }

    private static Map<String, Object> infons(JsonNode node) {
        Map<String, Object> infons = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> infons.put(e.getKey(),
                    e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        }
        return infons;
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
