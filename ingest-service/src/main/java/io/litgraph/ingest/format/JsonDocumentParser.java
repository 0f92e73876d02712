package io.litgraph.ingest.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.litgraph.ingest.service.ProblemException;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * application/json. A body with a {@code documents} array (a BioC collection) or a {@code PubTator3}
 * array is handed to {@link BioCJsonParser}; anything else is one litgraph document:
 * {@code {id?, title?, text | sections[{title?, text}], source?, url?, published?, authors?, tags?, metadata?}}.
 * Unknown fields are ignored and reported as warnings, so a typo ("txt") does not go unnoticed.
 */
public class JsonDocumentParser implements DocumentParser {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Set<String> FIELDS = Set.of("id", "title", "text", "sections", "source", "url",
            "published", "authors", "tags", "metadata");

    @Override
    public ParsedBody parse(String body) {
        JsonNode root = readTree(body, "json");
        if (root instanceof ObjectNode object && (object.get("documents") instanceof com.fasterxml.jackson.databind.node.ArrayNode
                || object.has("PubTator3"))) {
            return new BioCJsonParser().fromTree(object);
        }
        return ParsedBody.single(Format.JSON, fromTree(root));
    }

    public static JsonNode readTree(String body, String format) {
        if (body.isBlank()) {
            throw ProblemException.malformed(format, "the body is empty", 1, 1);
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw ProblemException.malformed(format, e.getOriginalMessage(),
                    location == null ? null : location.getLineNr(), location == null ? null : location.getColumnNr());
        }
    }

    public ParsedDocument fromTree(JsonNode root) {
        if (!(root instanceof ObjectNode object)) {
            throw ProblemException.invalid("the JSON body must be an object, not " + root.getNodeType().toString().toLowerCase());
        }
        ParsedDocument doc = new ParsedDocument();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                doc.warnings.add("unknown field '" + name + "' ignored");
            }
        }
        doc.id = idField(object);
        doc.title = string(object, "title");
        doc.source = string(object, "source");
        doc.url = string(object, "url");
        doc.published = string(object, "published");
        doc.authors = strings(object, "authors");
        doc.tags = strings(object, "tags");
        JsonNode metadata = object.get("metadata");
        if (metadata != null && !metadata.isNull()) {
            if (!metadata.isObject()) {
                throw ProblemException.invalid("'metadata' must be an object");
            }
            doc.metadata.putAll(MAPPER.convertValue(metadata, Map.class));
        }
        String text = string(object, "text");
        if (text != null) {
            doc.addPassage("text", TextNormalizer.unifyLineBreaks(text));
        }
        JsonNode sections = object.get("sections");
        if (sections != null && !sections.isNull()) {
            if (!sections.isArray()) {
                throw ProblemException.invalid("'sections' must be an array of {title?, text}");
            }
            int index = 0;
            for (JsonNode section : sections) {
                if (!section.isObject()) {
                    throw ProblemException.invalid("sections[" + index + "] must be an object {title?, text}");
                }
                String sectionTitle = string(section, "title");
                String sectionText = string(section, "text");
                if (!TextNormalizer.isBlank(sectionTitle)) {
                    doc.addPassage("section_title", TextNormalizer.collapseWhitespace(sectionTitle));
                }
                if (sectionText != null) {
                    doc.addPassage("section", TextNormalizer.unifyLineBreaks(sectionText));
                }
                index++;
            }
        }
        boolean hasBody = doc.passages.stream().anyMatch(p -> !p.type().equals("section_title") && !TextNormalizer.isBlank(p.text()));
        if (!hasBody) {
            throw ProblemException.emptyText(text == null && sections == null
                    ? "a JSON document needs 'text' or 'sections'"
                    : "'text' / 'sections' hold no text (empty or whitespace only)");
        }
        return doc;
    }

    private static String idField(JsonNode object) {
        JsonNode id = object.get("id");
        if (id == null || id.isNull()) {
            return null;
        }
        if (id.isTextual() || id.isIntegralNumber()) {
            String value = id.asText().strip();
            return value.isEmpty() ? null : value;
        }
        throw ProblemException.invalid("'id' must be a string");
    }

    static String string(JsonNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ProblemException.invalid("'" + field + "' must be a string");
        }
        return node.asText();
    }

    private static List<String> strings(JsonNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (!node.isArray()) {
            throw ProblemException.invalid("'" + field + "' must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw ProblemException.invalid("'" + field + "' must be an array of strings");
            }
            values.add(item.asText());
        }
        return values;
    }
}
