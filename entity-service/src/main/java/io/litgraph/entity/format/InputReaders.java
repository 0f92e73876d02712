package io.litgraph.entity.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.litgraph.nlp.InputDocument;
import io.litgraph.nlp.io.BioCDocument;
import io.litgraph.nlp.io.BioCJsonReader;
import io.litgraph.nlp.io.PubTatorDocument;
import io.litgraph.nlp.io.PubTatorReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the inputs of {@code POST /api/annotate}: plain text, a small JSON object ({id?, title?, text}),
 * a BioC JSON collection (JSON with a {@code documents} array) and PubTator; the last two through nlp's
 * readers.
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
            // limit violations (nesting depth, number length) carry no location
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new InvalidInputException("malformed JSON" + where + ": " + e.getOriginalMessage());
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
        if (!root.get("documents").isArray() || root.get("documents").isEmpty()) {
            throw new InvalidInputException("\"documents\" must be a non-empty array");
        }
        List<BioCDocument> documents;
        try {
            documents = BioCJsonReader.read(new ByteArrayInputStream(JSON.writeValueAsBytes(root)));
        } catch (IOException e) {
            throw new InvalidInputException("not a BioC collection: " + e.getMessage());
        }
        List<InputDocument> result = new ArrayList<>();
        int index = 0;
        for (BioCDocument document : documents) {
            index++;
            InputDocument input = valid(document::toInput);
            String id = input.id() == null || input.id().isBlank() ? Integer.toString(index) : input.id();
            if (input.passages().isEmpty()) {
                throw new InvalidInputException("document " + id + " has no passage with text");
            }
            result.add(new InputDocument(id, input.passages()));
        }
        return result;
    }

    /** PubTator: {@code PMID|t|title}, {@code PMID|a|abstract}, annotation lines (ignored), blank line. */
    public static List<InputDocument> pubTator(String body) {
        List<PubTatorDocument> documents;
        try {
            documents = PubTatorReader.read(new StringReader(body));
        } catch (IOException e) {
            throw new InvalidInputException("cannot read PubTator: " + e.getMessage());
        } catch (NumberFormatException e) {
            // an annotation line whose offsets are digits but do not fit an int (found by EntityApiFuzzTest)
            throw new InvalidInputException("cannot read PubTator: an annotation offset is out of range (" + e.getMessage() + ")");
        }
        if (documents.isEmpty()) {
            throw new InvalidInputException("no PubTator document (PMID|t|… / PMID|a|…) found");
        }
        return documents.stream().map(d -> valid(d::toInput)).toList();
    }

    /** The engine's input refuses inconsistent passage offsets; for a client that is a 400. */
    private static InputDocument valid(java.util.function.Supplier<InputDocument> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    private static void requireText(String text, String message) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(message);
        }
    }
}
