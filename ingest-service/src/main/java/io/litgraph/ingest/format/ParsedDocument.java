package io.litgraph.ingest.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One document read from a request body, before ids, hashes and offsets are settled. When
 * {@link #passages} carry offsets they include the title passage themselves; otherwise
 * {@link #title} becomes the first passage.
 */
public final class ParsedDocument {
    public String id;
    public String title;
    public final List<ParsedPassage> passages = new ArrayList<>();
    public String source;
    public String url;
    public String published;
    public List<String> authors;
    public List<String> tags;
    public final Map<String, Object> metadata = new LinkedHashMap<>();
    public final List<String> warnings = new ArrayList<>();
    /** Set when only a part of a multi-document body is wrong: the document is reported, not stored. */
    public String error;

    public ParsedDocument addPassage(String type, String text) {
        passages.add(ParsedPassage.of(type, text));
        return this;
    }

    public void putMetadata(String key, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())
                || (value instanceof java.util.Collection<?> c && c.isEmpty())
                || (value instanceof Map<?, ?> m && m.isEmpty())) {
            return;
        }
        metadata.put(key, value);
    }
}
