package io.litgraph.ingest.format;

import io.litgraph.ingest.service.ProblemException;

/**
 * text/plain: the whole body is the document text, untouched apart from line breaks. A title comes only
 * from JSON or front matter; guessing one from the first line would shift every offset the client expects.
 */
public class PlainTextParser implements DocumentParser {
    @Override
    public ParsedBody parse(String body) {
        String text = TextNormalizer.unifyLineBreaks(body).strip();
        if (text.isEmpty()) {
            throw ProblemException.emptyText("the text/plain body is empty or whitespace only");
        }
        return ParsedBody.single(Format.TEXT, new ParsedDocument().addPassage("text", text));
    }
}
