package io.litgraph.ingest.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.litgraph.ingest.service.ProblemException;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * text/markdown with optional YAML front matter. The text that gets annotated is the plain text of the
 * commonmark syntax tree ({@link MarkdownText}), so no markup reaches the engine and offsets point into exactly what is published.
 * Headings become section-title passages; the blocks under a heading one section passage. Front matter
 * {@code title, date, tags, author(s), url, source, id} fill the document fields; every other key goes
 * to metadata. Without a front-matter title, a leading level-1 heading is the title, else a leading one-line
 * paragraph that reads as a title ({@link TitleGuess}).
 */
public class MarkdownParser implements DocumentParser {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Parser PARSER = Parser.builder().build();

    @Override
    public ParsedBody parse(String body) {
        String text = TextNormalizer.unifyLineBreaks(body);
        ParsedDocument doc = new ParsedDocument();
        String markdown = frontMatter(text, doc);
        Node document = PARSER.parse(markdown);
        List<String> section = new ArrayList<>();
        boolean seenContent = false;
        for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
            String rendered = MarkdownText.of(block);
            if (!seenContent && doc.title == null && block instanceof Paragraph && block.getNext() != null
                    && rendered.indexOf('\n') < 0 && TitleGuess.looksLikeTitle(rendered.strip())) {
                doc.title = rendered.strip(); // a first one-line paragraph that reads as a title, over more text
                continue;
            }
            if (block instanceof Heading heading) {
                if (!seenContent && doc.title == null && heading.getLevel() == 1) {
                    doc.title = rendered;
                    continue;
                }
                flush(doc, section);
                if (!rendered.isEmpty()) {
                    doc.addPassage("section_title", TextNormalizer.collapseWhitespace(rendered));
                }
            } else if (!rendered.isEmpty()) {
                section.add(rendered);
            }
            seenContent = true;
        }
        flush(doc, section);
        if (doc.passages.stream().noneMatch(p -> p.type().equals("section") && !p.text().isBlank())) {
            throw ProblemException.emptyText("the markdown body has no text");
        }
        return ParsedBody.single(Format.MARKDOWN, doc);
    }

    private static void flush(ParsedDocument doc, List<String> blocks) {
        if (!blocks.isEmpty()) {
            doc.addPassage("section", String.join("\n", blocks));
            blocks.clear();
        }
    }

    /** Reads a leading {@code ---} YAML block into the document; returns the markdown after it. */
    private static String frontMatter(String text, ParsedDocument doc) {
        if (!text.startsWith("---\n")) {
            return text;
        }
        int end = findClosingFence(text);
        if (end < 0) {
            return text;
        }
        String yaml = text.substring(4, end);
        int after = text.indexOf('\n', end + 1);
        String rest = after < 0 ? "" : text.substring(after + 1);
        Map<String, Object> values;
        try {
            Object parsed = YAML.readValue(yaml, Object.class);
            if (parsed == null) {
                return rest;
            }
            if (!(parsed instanceof Map<?, ?> map)) {
                throw ProblemException.malformed("yaml", "front matter must be a mapping of keys to values", 2, 1);
            }
            values = new LinkedHashMap<>();
            map.forEach((k, v) -> values.put(String.valueOf(k), v));
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            // front matter starts on line 2 of the body
            throw ProblemException.malformed("yaml", "front matter: " + e.getOriginalMessage(),
                    location == null ? null : location.getLineNr() + 1, location == null ? null : location.getColumnNr());
        }
        Object id = values.remove("id");
        doc.id = id == null ? null : String.valueOf(id);
        doc.title = string(values.remove("title"));
        Object date = values.containsKey("date") ? values.remove("date") : values.remove("published");
        doc.published = string(date);
        doc.url = string(values.containsKey("url") ? values.remove("url") : values.remove("permalink"));
        doc.source = string(values.remove("source"));
        doc.tags = strings(values.containsKey("tags") ? values.remove("tags") : values.remove("keywords"));
        doc.authors = strings(values.containsKey("authors") ? values.remove("authors") : values.remove("author"));
        values.forEach(doc::putMetadata);
        return rest;
    }

    private static int findClosingFence(String text) {
        int lineStart = 4;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            String line = (lineEnd < 0 ? text.substring(lineStart) : text.substring(lineStart, lineEnd)).stripTrailing();
            if (line.equals("---") || line.equals("...")) {
                return lineStart;
            }
            if (lineEnd < 0) {
                return -1;
            }
            lineStart = lineEnd + 1;
        }
        return -1;
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().filter(v -> v != null).map(String::valueOf).toList();
        }
        List<String> parts = new ArrayList<>();
        for (String part : String.valueOf(value).split(",")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }
}
