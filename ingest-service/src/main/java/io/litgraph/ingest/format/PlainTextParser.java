package io.litgraph.ingest.format;

import io.litgraph.ingest.service.ProblemException;

/**
 * text/plain: the whole body is the document text, untouched apart from line breaks. When the first line reads
 * like a title ({@link TitleGuess}) it becomes the document's title and a title passage; the passages then carry
 * their offsets in the body, so every offset the client expects stays where it was.
 */
public class PlainTextParser implements DocumentParser {
    @Override
    public ParsedBody parse(String body) {
        String text = TextNormalizer.unifyLineBreaks(body).strip();
        if (text.isEmpty()) {
            throw ProblemException.emptyText("the text/plain body is empty or whitespace only");
        }
        ParsedDocument doc = new ParsedDocument();
        TitleGuess.Found title = TitleGuess.find(text);
        if (title == null) {
            return ParsedBody.single(Format.TEXT, doc.addPassage("text", text));
        }
        doc.title = title.title();
        if (title.start() > 0) {
            doc.passages.add(new ParsedPassage("front", 0, text.substring(0, title.start()).stripTrailing()));
        }
        doc.passages.add(new ParsedPassage("title", title.start(), title.title()));
        int body0 = title.end();
        while (body0 < text.length() && Character.isWhitespace(text.charAt(body0))) {
            body0++;
        }
        doc.passages.add(new ParsedPassage("text", body0, text.substring(body0)));
        return ParsedBody.single(Format.TEXT, doc);
    }
}
