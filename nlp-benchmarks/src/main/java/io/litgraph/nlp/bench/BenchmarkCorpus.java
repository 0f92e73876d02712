package io.litgraph.nlp.bench;

import io.litgraph.nlp.InputDocument;
import io.litgraph.nlp.io.PubTatorDocument;
import io.litgraph.nlp.io.PubTatorReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The abstracts the benchmarks annotate: every PubTator file under a corpora folder (the gold corpora in
 * {@code ../shared/corpora}, read at run time and never copied). Only their text is used; the annotations are
 * ignored.
 */
final class BenchmarkCorpus {
    private BenchmarkCorpus() {
    }

    static List<InputDocument> read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("no corpora folder at " + folder.toAbsolutePath()
                    + " (set it with -p corpora=DIR; it holds PubTator files such as ../shared/corpora)");
        }
        List<InputDocument> docs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(BenchmarkCorpus::isPubTator).sorted().toList()) {
                for (PubTatorDocument d : PubTatorReader.read(file)) {
                    docs.add(d.toInput());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (docs.isEmpty()) {
            throw new IllegalStateException("no PubTator documents under " + folder.toAbsolutePath());
        }
        return docs;
    }

    private static boolean isPubTator(Path p) {
        String name = p.getFileName().toString();
        return Files.isRegularFile(p) && (name.endsWith(".PubTator") || name.endsWith(".PubTator.txt")
                || name.endsWith("_corpus.txt"));
    }

    static Path vocabulary(String path) {
        Path p = Path.of(path);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("no vocabulary artifact at " + p.toAbsolutePath()
                    + " (build it with ./bin/litgraph up or ./bin/litgraph vocab build; set it with -p vocabulary=FILE)");
        }
        return p;
    }
}
