package io.litgraph.nlp.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads PubTator files: {@code PMID|t|title}, {@code PMID|a|abstract}, then tab-separated mention lines
 * {@code PMID start end text type id} and relation lines {@code PMID type id1 id2 [extra]}; documents are
 * separated by blank lines (a new PMID also starts a new document). Tolerant of what real gold files contain:
 * mention lines without an id, offsets that do not match the text (kept as written, the scorer decides),
 * composite ids, a document repeated.
 */
public final class PubTatorReader {

    private PubTatorReader() {
    }

    public static List<PubTatorDocument> read(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r);
        }
    }

    public static List<PubTatorDocument> read(Reader in) throws IOException {
        List<PubTatorDocument> out = new ArrayList<>();
        try {
            stream(in, out::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }

    /** Streams documents one by one (for large files). */
    public static void stream(Reader in, Consumer<PubTatorDocument> sink) throws IOException {
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        String line;
        Builder cur = null;
        while ((line = r.readLine()) != null) {
            if (line.isBlank()) {
                if (cur != null) {
                    sink.accept(cur.build());
                    cur = null;
                }
                continue;
            }
            int bar = line.indexOf('|');
            int tab = line.indexOf('\t');
            if (bar > 0 && (tab < 0 || bar < tab) && line.length() > bar + 2 && line.charAt(bar + 2) == '|') {
                String pmid = line.substring(0, bar);
                char kind = line.charAt(bar + 1);
                String text = line.substring(bar + 3);
                if (cur != null && (!cur.id.equals(pmid) || kind == 't' && cur.title != null)) {
                    sink.accept(cur.build());
                    cur = null;
                }
                if (cur == null) {
                    cur = new Builder(pmid);
                }
                if (kind == 't') {
                    cur.title = text;
                } else {
                    cur.abs = text;
                }
                continue;
            }
            if (tab < 0 || cur == null) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length >= 5 && isInt(f[1]) && isInt(f[2])) {
                cur.entities.add(new PubTatorDocument.Entity(Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3], f[4],
                        f.length > 5 ? f[5].strip() : ""));
            } else if (f.length >= 4) {
                cur.links.add(new PubTatorDocument.Link(f[1], f[2], f[3], f.length > 4 ? f[4] : null));
            }
        }
        if (cur != null) {
            sink.accept(cur.build());
        }
    }

    private static boolean isInt(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static final class Builder {
        final String id;
        String title;
        String abs;
        final List<PubTatorDocument.Entity> entities = new ArrayList<>();
        final List<PubTatorDocument.Link> links = new ArrayList<>();

        Builder(String id) {
            this.id = id;
        }

        PubTatorDocument build() {
            return new PubTatorDocument(id, title == null ? "" : title, abs == null ? "" : abs, List.copyOf(entities),
                    List.copyOf(links));
        }
    }
}
