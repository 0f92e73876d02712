package io.litgraph.entity.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.litgraph.nlp.InputDocument;
import io.litgraph.nlp.Passage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the inputs of {@code POST /api/annotate}: plain text, a small JSON object ({id?, title?, text}),
 * a BioC JSON collection (JSON with a {@code documents} array) and PubTator. Local until nlp's
 * io.litgraph.nlp.io readers exist.
 */
public final class InputReaders {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InputReaders() {
    }

    public static List<InputDocument> plainText(String id, String text) {
        requireText(text, "the request body is empty");
        return List.of(InputDocument.of(id, null, text));
    }

    /** {"id": "...", "title": "...", "text": "..."} or a BioC JSON collection {"documents": [...]}. */
    public static List<InputDocument> json(String defaultId, String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("expected a JSON object with a \"text\" field or a BioC collection with \"documents\"");
        }
        if (root.has("documents")) {
            return bioc(root);
        }
        JsonNode text = root.get("text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            throw new InvalidInputException("field \"text\" is missing or empty");
        }
        String id = root.hasNonNull("id") ? root.get("id").asText() : defaultId;
        String title = root.hasNonNull("title") ? root.get("title").asText() : null;
        return List.of(InputDocument.of(id, title, text.asText()));
    }

    private static List<InputDocument> bioc(JsonNode root) {
        JsonNode documents = root.get("documents");
        if (!documents.isArray() || documents.isEmpty()) {
            throw new InvalidInputException("\"documents\" must be a non-empty array");
        }
        List<InputDocument> result = new ArrayList<>();
        int index = 0;
        for (JsonNode document : documents) {
            index++;
            String id = document.hasNonNull("id") ? document.get("id").asText() : Integer.toString(index);
            List<Passage> passages = new ArrayList<>();
            for (JsonNode passage : document.path("passages")) {
                JsonNode text = passage.get("text");
                if (text == null || !text.isTextual()) {
                    continue;
                }
                int offset = passage.path("offset").asInt(0);
                if (offset < 0) {
                    throw new InvalidInputException("document " + id + ": negative passage offset");
                }
                passages.add(new Passage(passage.path("infons").path("type").asText("text"), offset, text.asText()));
            }
            if (passages.isEmpty()) {
                throw new InvalidInputException("document " + id + " has no passage with text");
            }
            result.add(new InputDocument(id, List.copyOf(passages)));
        }
        return result;
    }

    /** PubTator: {@code PMID|t|title}, {@code PMID|a|abstract}, annotation lines (ignored), blank line. */
    public static List<InputDocument> pubTator(String body) {
        Map<String, String[]> documents = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : body.split("\r?\n")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            int bar = line.indexOf('|');
            int tab = line.indexOf('\t');
            if (bar > 0 && (tab < 0 || bar < tab) && line.length() > bar + 2 && line.charAt(bar + 2) == '|') {
                String id = line.substring(0, bar);
                char kind = line.charAt(bar + 1);
                String[] parts = documents.computeIfAbsent(id, k -> new String[2]);
                if (kind == 't') {
                    parts[0] = line.substring(bar + 3);
                } else if (kind == 'a') {
                    parts[1] = line.substring(bar + 3);
                }
            } else if (tab < 0) {
                throw new InvalidInputException("line " + lineNo + " is neither a PubTator text line (PMID|t|… or PMID|a|…) nor an annotation line");
            }
        }
        if (documents.isEmpty()) {
            throw new InvalidInputException("no PubTator document (PMID|t|… / PMID|a|…) found");
        }
        List<InputDocument> result = new ArrayList<>();
        documents.forEach((id, parts) -> result.add(InputDocument.of(id, parts[0], parts[1])));
        return result;
    }

    private static void requireText(String text, String message) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(message);
        }
    }
}
