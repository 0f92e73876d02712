package io.litgraph.ingest.format;

import io.litgraph.ingest.service.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Picks the parser for a Content-Type. XML bodies are told apart by their root element. */
@ApplicationScoped
public class FormatRegistry {
    private final Map<String, DocumentParser> parsers = new LinkedHashMap<>();

    public FormatRegistry() {
        DocumentParser xml = new XmlDocumentParser();
        DocumentParser pubtator = new PubTatorParser();
        DocumentParser markdown = new MarkdownParser();
        DocumentParser html = new HtmlParser();
        parsers.put("application/json", new JsonDocumentParser());
        parsers.put("application/bioc+json", new BioCJsonParser());
        parsers.put("text/plain", new PlainTextParser());
        parsers.put("text/markdown", markdown);
        parsers.put("text/x-markdown", markdown);
        parsers.put("text/html", html);
        parsers.put("application/xhtml+xml", html);
        parsers.put("application/xml", xml);
        parsers.put("text/xml", xml);
        parsers.put("application/x-pubtator", pubtator);
        parsers.put("text/x-pubtator", pubtator);
    }

    public List<String> supportedTypes() {
        return List.copyOf(parsers.keySet());
    }

    /** @param mediaType type/subtype without parameters */
    public DocumentParser parserFor(String mediaType) {
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT).strip();
        DocumentParser parser = parsers.get(type);
        if (parser == null && type.endsWith("+xml")) {
            parser = parsers.get("application/xml");
        }
        if (parser == null && type.endsWith("+json")) {
            parser = parsers.get("application/json");
        }
        if (parser == null) {
            throw ProblemException.unsupportedType(type.isEmpty() ? "(no Content-Type)" : type, supportedTypes());
        }
        return parser;
    }
}
