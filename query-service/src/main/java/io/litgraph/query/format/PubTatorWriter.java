package io.litgraph.query.format;

import io.litgraph.query.model.DocumentDetail;
import io.litgraph.query.model.DocumentDetail.MentionView;
import io.litgraph.query.model.DocumentDetail.RelationView;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * PubTator text: {@code id|t|title}, {@code id|a|rest}, one tab-separated line per mention
 * (id, start, end, text, type, concept) and per distinct non-negated relation (id, type, subject,
 * object), then a blank line. Offsets are document-global: the abstract line starts at title length + 1.
 * Line breaks inside the text become spaces, one for one, so offsets still hold.
 */
public class PubTatorWriter implements DocumentWriter {
    private final Writer out;

    public PubTatorWriter(OutputStream out) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    @Override
    public void start() {
        // PubTator has no header
    }

    @Override
    public void write(DocumentDetail doc) throws IOException {
        String id = oneLine(doc.id());
        String text = doc.text();
        int titleEnd = titleEnd(doc);
        out.write(id + "|t|" + oneLine(text.substring(0, titleEnd)) + "\n");
        out.write(id + "|a|" + (titleEnd + 1 <= text.length() ? oneLine(text.substring(titleEnd + 1)) : "") + "\n");
        for (MentionView m : doc.mentions()) {
            out.write(id + "\t" + m.start() + "\t" + m.end() + "\t" + oneLine(m.text()) + "\t" + m.type() + "\t"
                    + (m.conceptId() == null ? "" : m.conceptId()) + "\n");
        }
        Set<String> relations = new LinkedHashSet<>();
        for (RelationView r : doc.relations()) {
            if (!r.negated()) {
                relations.add(id + "\t" + r.type() + "\t" + r.subjectId() + "\t" + r.objectId());
            }
        }
        for (String line : relations) {
            out.write(line + "\n");
        }
        out.write("\n");
        out.flush();
    }

    @Override
    public void end() throws IOException {
        out.flush();
    }

    /** The title is the first passage when it starts at 0; otherwise the text has no separate title. */
    private static int titleEnd(DocumentDetail doc) {
        if (doc.passages() != null && doc.passages().size() > 1 && doc.passages().get(0).offset() == 0) {
            return Math.min(doc.passages().get(0).text().length(), doc.text().length());
        }
        return 0;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }
}
