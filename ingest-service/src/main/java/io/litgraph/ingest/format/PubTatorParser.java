package io.litgraph.ingest.format;

import io.litgraph.ingest.service.ProblemException;

import java.util.ArrayList;
import java.util.List;

/**
 * PubTator text ({@code application/x-pubtator}, {@code text/x-pubtator}): blocks separated by blank lines,
 * {@code PMID|t|title} and {@code PMID|a|abstract} lines followed by tab-separated annotation lines.
 * Offsets follow the PubTator convention: title at 0, abstract at title length + 1. Annotation lines are
 * counted, not imported.
 */
public class PubTatorParser implements DocumentParser {
    @Override
    public ParsedBody parse(String body) {
        String[] lines = TextNormalizer.unifyLineBreaks(body).split("\n", -1);
        List<ParsedDocument> docs = new ArrayList<>();
        ParsedDocument current = null;
        String currentPmid = null;
        int offset = 0;
        int annotations = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int firstBar = line.indexOf('|');
            int tab = line.indexOf('\t');
            boolean textLine = firstBar > 0 && (tab < 0 || firstBar < tab) && line.indexOf('|', firstBar + 1) == firstBar + 2;
            String pmid = textLine ? line.substring(0, firstBar) : tab > 0 ? line.substring(0, tab) : null;
            if (pmid == null) {
                throw ProblemException.malformed("pubtator", "expected 'PMID|t|title', 'PMID|a|abstract' or a tab-separated annotation line",
                        i + 1, 1);
            }
            if (current == null || !pmid.equals(currentPmid)) {
                finish(current, annotations);
                current = new ParsedDocument();
                current.id = BioC.documentId(pmid);
                current.source = "PubTator";
                docs.add(current);
                currentPmid = pmid;
                offset = 0;
                annotations = 0;
            }
            if (textLine) {
                char kind = line.charAt(firstBar + 1);
                String text = line.substring(firstBar + 3);
                String type = switch (kind) {
                    case 't' -> "title";
                    case 'a' -> "abstract";
                    default -> String.valueOf(kind);
                };
                if (kind == 't' && current.title == null) {
                    current.title = text;
                }
                current.passages.add(new ParsedPassage(type, offset, text));
                offset += text.length() + 1;
            } else {
                annotations++;
            }
        }
        finish(current, annotations);
        if (docs.isEmpty()) {
            throw ProblemException.emptyText("the PubTator body holds no documents");
        }
        return new ParsedBody(Format.PUBTATOR, docs);
    }

    private static void finish(ParsedDocument doc, int annotations) {
        if (doc == null) {
            return;
        }
        doc.putMetadata("sourceAnnotations", annotations == 0 ? null : annotations);
        if (doc.passages.isEmpty()) {
            doc.error = "document " + doc.id + " has annotation lines but no title or abstract";
        }
    }
}
