package io.litgraph.ingest.format;

/**
 * A passage as a parser found it. {@code offset} is null when the source has no offsets (they are then
 * computed); BioC and PubTator sources carry their own, which are kept.
 */
public record ParsedPassage(String type, Integer offset, String text) {
    public static ParsedPassage of(String type, String text) {
        return new ParsedPassage(type, null, text);
    }
}
