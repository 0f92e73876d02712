package io.litgraph.ingest.format;

import java.util.List;

/** What a request body turned out to be and the documents in it. */
public record ParsedBody(Format format, List<ParsedDocument> documents) {
    public static ParsedBody single(Format format, ParsedDocument document) {
        return new ParsedBody(format, List.of(document));
    }
}
