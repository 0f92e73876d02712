package io.litgraph.nlp;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find shared data: system properties, then environment, then the repository defaults. */
public final class TestPaths {

    private TestPaths() {
    }

    /** The repository root: tests run from the module directory (nlp/). */
    public static Path repoRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("nlp")) ? here : here.getParent();
    }

    /** {@code litgraph.shared.dir}, default {@code ../shared} relative to the repository root. */
    public static Path shared() {
        String p = System.getProperty("litgraph.shared.dir", System.getenv("LITGRAPH_SHARED_DIR"));
        return p != null ? Path.of(p) : repoRoot().resolve("../shared").normalize();
    }

    /** {@code LITGRAPH_VOCAB_SRC}, default {@code <repo>/.litgraph/vocab-src}. */
    public static Path vocabSrc() {
        String p = System.getProperty("litgraph.vocab.src", System.getenv("LITGRAPH_VOCAB_SRC"));
        return p != null ? Path.of(p) : repoRoot().resolve(".litgraph/vocab-src");
    }

    public static Path seeds() {
        Path local = repoRoot().resolve("seeds");
        return Files.isDirectory(local) ? local : shared().resolve("seeds");
    }
}
