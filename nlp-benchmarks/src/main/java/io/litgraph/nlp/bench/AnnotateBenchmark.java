package io.litgraph.nlp.bench;

import io.litgraph.nlp.AnnotatedDocument;
import io.litgraph.nlp.Engine;
import io.litgraph.nlp.InputDocument;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Extraction throughput: one invocation annotates the next abstract of the corpus (mentions, abbreviations,
 * modality, species, variants and document-level relations: the whole {@link Engine#annotate}). The
 * {@code characters} counter is the text annotated per second, so with one thread it reads directly as
 * characters per second per core (the abstracts are ASCII, so MB/s of text = characters/s / 10^6).
 * The fork runs with a 1.5 GB heap, the bound: exceeding it fails the run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms1536m", "-Xmx1536m"})
@Threads(1)
public class AnnotateBenchmark {

    @State(Scope.Benchmark)
    public static class Loaded {
        @Param("../shared/corpora")
        public String corpora;
        @Param(".litgraph/vocab/litgraph-vocab.bin")
        public String vocabulary;

        Engine engine;
        List<InputDocument> documents;
        int[] characters;

        @Setup(Level.Trial)
        public void load() {
            documents = BenchmarkCorpus.read(Path.of(corpora));
            characters = documents.stream()
                    .mapToInt(d -> d.passages().stream().mapToInt(p -> p.text().length()).sum())
                    .toArray();
            engine = Engine.load(BenchmarkCorpus.vocabulary(vocabulary));
        }
    }

    /** Each thread walks the corpus on its own, so threads never contend for a cursor. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    /**
     * Counts the text annotated. It also prints the characters per CPU-second of the annotating thread after
     * each iteration: on a machine shared with other work the wall-clock rate falls with the load, the rate
     * per CPU-second does not (thread-scoped helper methods run on the benchmark thread itself).
     */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Text {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        public long characters;
        private long cpuAtStart;

        @Setup(Level.Iteration)
        public void reset() {
            characters = 0;
            cpuAtStart = THREADS.getCurrentThreadCpuTime();
        }

        @TearDown(Level.Iteration)
        public void reportCpuRate() {
            double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuAtStart) / 1e9;
            System.out.printf(Locale.ROOT, " [%.2f MB of text per CPU-second of the annotating thread]",
                    characters / 1e6 / cpuSeconds);
        }
    }

    @Benchmark
    public AnnotatedDocument annotate(Loaded loaded, Cursor cursor, Text text) {
        int i = cursor.next;
        cursor.next = (i + 1) % loaded.documents.size();
        text.characters += loaded.characters[i];
        return loaded.engine.annotate(loaded.documents.get(i));
    }
}
