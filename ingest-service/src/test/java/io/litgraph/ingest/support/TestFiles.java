package io.litgraph.ingest.support;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Files the tests read but the repository does not own: the seeds and the third-party samples in
 * /work/shared/formats. Tests that need an absent file are skipped, not failed.
 */
public final class TestFiles {
    private TestFiles() {
    }

    /** The repository's seeds/ folder, or the shared one it is copied from. */
    public static Path seeds() {
        for (String candidate : List.of("../seeds", "../../shared/seeds")) {
            Path dir = Path.of(candidate);
            if (Files.isDirectory(dir)) {
                return dir;
            }
        }
        Assumptions.abort("no seeds folder (../seeds or ../../shared/seeds)");
        return null;
    }

    public static List<Path> seedFiles() {
        try (Stream<Path> files = Files.list(seeds())) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file under ../../shared/formats; skips the test when it is absent. */
    public static Path format(String relative) {
        Path file = Path.of("../../shared/formats").resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(file), "third-party sample absent: " + file);
        return file;
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String resource(String name) {
        try (var in = TestFiles.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource samples/" + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
