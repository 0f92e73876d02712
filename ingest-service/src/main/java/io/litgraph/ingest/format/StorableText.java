package io.litgraph.ingest.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one door every format's documents pass before they are assembled: characters PostgreSQL cannot
 * store (U+0000), that no reader wants (the other C0 controls but tab, line feed and carriage return,
 * and DEL), that cannot be encoded (lone surrogates) or that Unicode reserves as never-text (U+FFFE,
 * U+FFFF) are replaced, one UTF-16 unit for one, so every offset (computed, or given by a BioC or
 * PubTator source) points at the same text before and after. Controls become a space (they separate
 * words, as they did in the PDF extraction they usually come from); the others become U+FFFD, the
 * character that says "something was here".
 */
public final class StorableText {
    public static final String CONTROL_CHARACTERS = "controlCharacters";
    public static final String LONE_SURROGATES = "loneSurrogates";
    public static final String NONCHARACTERS = "noncharacters";

    private int controls;
    private int surrogates;
    private int noncharacters;

    /** Cleans every text field of the document in place; returns what was replaced, by kind (empty when nothing). */
    public static Map<String, Integer> clean(ParsedDocument doc) {
        StorableText cleaner = new StorableText();
        // BioC and PubTator titles are also their first passage: one character, counted once
        boolean titleIsAPassage = doc.passages.stream().anyMatch(p -> java.util.Objects.equals(p.text(), doc.title));
        doc.id = cleaner.text(doc.id);
        doc.title = titleIsAPassage ? new StorableText().text(doc.title) : cleaner.text(doc.title);
        doc.source = cleaner.text(doc.source);
        doc.url = cleaner.text(doc.url);
        doc.published = cleaner.text(doc.published);
        doc.authors = cleaner.texts(doc.authors);
        doc.tags = cleaner.texts(doc.tags);
        doc.error = cleaner.text(doc.error);
        doc.passages.replaceAll(p -> new ParsedPassage(cleaner.text(p.type()), p.offset(), cleaner.text(p.text())));
        Map<String, Object> metadata = new LinkedHashMap<>();
        doc.metadata.forEach((key, value) -> metadata.put(cleaner.text(key), cleaner.value(value)));
        doc.metadata.clear();
        doc.metadata.putAll(metadata);
        Map<String, Integer> summary = cleaner.summary();
        // warnings echo the sender's field names: cleaned too, but not counted as a change to the document
        StorableText quiet = new StorableText();
        doc.warnings.replaceAll(quiet::text);
        if (!summary.isEmpty()) {
            doc.warnings.add("replaced " + describe(summary) + " that cannot be stored or read; offsets are unchanged");
        }
        return summary;
    }

    /** The same rule for a single value, e.g. a field echoed in an error message. */
    public static String cleaned(String s) {
        return new StorableText().text(s);
    }

    String text(String s) {
        if (s == null || isClean(s)) {
            return s;
        }
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (isControl(c)) {
                chars[i] = ' ';
                controls++;
            } else if (Character.isHighSurrogate(c) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
                i++;
            } else if (Character.isSurrogate(c)) {
                chars[i] = '\uFFFD';
                surrogates++;
            } else if (c == '\uFFFE' || c == '\uFFFF') {
                chars[i] = '\uFFFD';
                noncharacters++;
            }
        }
        return new String(chars);
    }

    private List<String> texts(List<String> values) {
        return values == null ? null : new ArrayList<>(values.stream().map(this::text).toList());
    }

    private Object value(Object value) {
        if (value instanceof String s) {
            return text(s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(text(String.valueOf(k)), value(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(this::value).toList());
        }
        return value;
    }

    private Map<String, Integer> summary() {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (controls > 0) {
            out.put(CONTROL_CHARACTERS, controls);
        }
        if (surrogates > 0) {
            out.put(LONE_SURROGATES, surrogates);
        }
        if (noncharacters > 0) {
            out.put(NONCHARACTERS, noncharacters);
        }
        return out;
    }

    private static String describe(Map<String, Integer> summary) {
        List<String> parts = new ArrayList<>();
        summary.forEach((kind, n) -> parts.add(n + " " + switch (kind) {
            case CONTROL_CHARACTERS -> "control character(s) with spaces";
            case LONE_SURROGATES -> "lone surrogate(s) with U+FFFD";
            default -> "noncharacter(s) U+FFFE/U+FFFF with U+FFFD";
        }));
        return String.join(", ", parts);
    }

    private static boolean isClean(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isControl(c) || Character.isSurrogate(c) || c >= '\uFFFE') {
                return false;
            }
        }
        return true;
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
    }
}
