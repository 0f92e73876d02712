package io.litgraph.ingest.format;

import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.litgraph.ingest.format.SafeXml.child;
import static io.litgraph.ingest.format.SafeXml.children;

/**
 * BioC XML collections (including PubTator3 exports). Every passage keeps its offset and its text exactly
 * (no whitespace clean-up: offsets index into it); a passage given as sentences is rebuilt from them.
 * Passage type comes from the {@code type} infon; source annotations are counted, not imported.
 */
final class BioCXml {
    private BioCXml() {
    }

    static ParsedBody read(Element collection) {
        Map<String, Object> collectionInfo = new LinkedHashMap<>();
        for (String field : List.of("source", "date", "key")) {
            String value = SafeXml.text(child(collection, field));
            if (value != null && !value.isEmpty()) {
                collectionInfo.put(field, value);
            }
        }
        Map<String, String> collectionInfons = infons(collection);
        if (!collectionInfons.isEmpty()) {
            collectionInfo.put("infons", collectionInfons);
        }
        List<ParsedDocument> docs = new ArrayList<>();
        int index = 0;
        for (Element document : children(collection, "document")) {
            docs.add(document(document, index++, collectionInfo));
        }
        return new ParsedBody(Format.BIOC_XML, docs);
    }

    private static ParsedDocument document(Element document, int index, Map<String, Object> collectionInfo) {
        ParsedDocument doc = new ParsedDocument();
        doc.id = BioC.documentId(SafeXml.text(child(document, "id")));
        doc.source = (String) collectionInfo.get("source");
        doc.putMetadata("collection", collectionInfo);
        doc.putMetadata("infons", infons(document));
        int annotations = 0;
        for (Element passage : children(document, "passage")) {
            Map<String, String> infons = infons(passage);
            String type = infons.getOrDefault("type", infons.getOrDefault("section_type", "paragraph"));
            int offset = parseOffset(exact(child(passage, "offset")));
            String text = exact(child(passage, "text"));
            List<Element> sentences = children(passage, "sentence");
            if (text == null && !sentences.isEmpty()) {
                List<BioC.Sentence> parts = new ArrayList<>();
                for (Element sentence : sentences) {
                    parts.add(new BioC.Sentence(parseOffset(exact(child(sentence, "offset"))), exact(child(sentence, "text"))));
                    annotations += children(sentence, "annotation").size();
                }
                text = BioC.fromSentences(offset, parts);
            }
            annotations += children(passage, "annotation").size();
            if (doc.title == null && BioC.isTitle(type) && text != null) {
                doc.title = text;
                // PubTator3 puts the bibliographic data on the title passage
                doc.putMetadata("journal", infons.get("journal"));
                doc.published = infons.get("year");
                String authors = infons.get("authors");
                if (authors != null && !authors.isBlank()) {
                    doc.authors = Arrays.stream(authors.split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList();
                }
            }
            doc.passages.add(new ParsedPassage(type, offset, text == null ? "" : text));
        }
        if (doc.passages.isEmpty()) {
            doc.error = "document " + (doc.id == null ? "#" + (index + 1) : doc.id) + " has no passages";
        }
        doc.putMetadata("sourceAnnotations", annotations == 0 ? null : annotations);
        return doc;
    }

    private static Map<String, String> infons(Element parent) {
        Map<String, String> infons = new LinkedHashMap<>();
        for (Element infon : children(parent, "infon")) {
            infons.put(infon.getAttribute("key"), exact(infon));
        }
        return infons;
    }

    /** Text exactly as written: offsets count its characters. */
    private static String exact(Element e) {
        return e == null ? null : e.getTextContent();
    }

    private static int parseOffset(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw io.litgraph.ingest.service.ProblemException.invalid("BioC offset '" + value.strip() + "' is not a number");
        }
    }
}
