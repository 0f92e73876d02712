package io.litgraph.nlp.io;

import io.litgraph.nlp.AnnotatedDocument;
import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.InputDocument;
import io.litgraph.nlp.Mention;
import io.litgraph.nlp.Passage;
import io.litgraph.nlp.Relation;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes PubTator: the title (first passage) and the abstract (the other passages joined by a space), one
 * mention line per mention with its CURIE (empty when the engine left the id out) and one relation line per
 * document-level relation. Mention offsets are the engine's document offsets, which equal PubTator's when the
 * document was built with {@link InputDocument#of}.
 */
public final class PubTatorWriter {

    private PubTatorWriter() {
    }

    public static void write(InputDocument input, AnnotatedDocument doc, Writer out) throws IOException {
        List<Passage> ps = input.passages();
        String title = ps.isEmpty() ? "" : ps.get(0).text();
        StringBuilder abs = new StringBuilder();
        for (int i = 1; i < ps.size(); i++) {
            if (abs.length() > 0) {
                abs.append(' ');
            }
            abs.append(clean(ps.get(i).text()));
        }
        String id = doc.id();
        out.write(id + "|t|" + clean(title) + "\n");
        out.write(id + "|a|" + abs + "\n");
        for (Mention m : doc.mentions()) {
            out.write(id + "\t" + m.start() + "\t" + m.end() + "\t" + clean(m.text()) + "\t" + typeName(m.type()) + "\t"
                    + (m.conceptId() == null ? "" : m.conceptId()) + "\n");
        }
        for (Relation r : doc.relations()) {
            out.write(id + "\t" + r.type() + "\t" + r.subjectId() + "\t" + r.objectId() + "\n");
        }
        out.write("\n");
    }

    /** BioRED's names for BioRED's types; litgraph's own names for the others. */
    public static String typeName(EntityType t) {
        return t.name();
    }

    /** PubTator is line-based: newlines and tabs inside text become spaces (same length, offsets stay valid). */
    private static String clean(String s) {
        return s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }
}
