package io.litgraph.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The abstracts of the gold corpora (PubTator files: {@code PMID|t|title}, {@code PMID|a|abstract}),
 * read at run time so that no corpus text ever lands in the repository. Annotation lines are ignored;
 * a PMID found in several files is kept once.
 */
public final class Corpus {
    public record Abstract(String pmid, String title, String text) {
    }

    private Corpus() {
    }

    /** Every PubTator file under {@code dir}, in a stable order. */
    public static List<Abstract> load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("corpus directory " + dir + " does not exist (set --corpora)");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(Corpus::looksLikePubTator).sorted().toList();
        }
        Map<String, Abstract> byPmid = new LinkedHashMap<>();
        for (Path file : files) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (Abstract a : parse(in)) {
                    byPmid.putIfAbsent(a.pmid(), a);
                }
            }
        }
        if (byPmid.isEmpty()) {
            throw new IOException("no PubTator abstracts found under " + dir);
        }
        return List.copyOf(byPmid.values());
    }

    private static boolean looksLikePubTator(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".PubTator") || name.endsWith(".PubTator.txt") || name.endsWith("_corpus.txt");
    }

    /** Title and abstract lines of a PubTator stream; documents without any text are skipped. */
    public static List<Abstract> parse(Reader reader) throws IOException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        List<Abstract> out = new ArrayList<>();
        String pmid = null;
        String title = null;
        String text = null;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            int bar = line.indexOf('|');
            if (bar > 0 && line.length() > bar + 2 && line.charAt(bar + 2) == '|'
                    && (line.charAt(bar + 1) == 't' || line.charAt(bar + 1) == 'a')) {
                String id = line.substring(0, bar);
                if (!id.equals(pmid)) {
                    add(out, pmid, title, text);
                    pmid = id;
                    title = null;
                    text = null;
                }
                String value = line.substring(bar + 3).strip();
                if (line.charAt(bar + 1) == 't') {
                    title = value;
                } else {
                    text = value;
                }
            }
        }
        add(out, pmid, title, text);
        return out;
    }

    private static void add(List<Abstract> out, String pmid, String title, String text) {
        boolean hasTitle = title != null && !title.isBlank();
        boolean hasText = text != null && !text.isBlank();
        if (pmid != null && (hasTitle || hasText)) {
            // a title-only record becomes the text: ingest needs text
            out.add(new Abstract(pmid, hasText ? title : null, hasText ? text : title));
        }
    }
}
