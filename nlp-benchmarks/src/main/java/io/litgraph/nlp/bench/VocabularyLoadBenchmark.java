package io.litgraph.nlp.bench;

import io.litgraph.nlp.Engine;
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
import org.openjdk.jmh.annotations.Warmup;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Vocabulary load as a service sees it at start: a cold JVM (a fresh fork per measurement, no warm-up) reads
 * the artifact and builds the matcher. After the last load of each fork the heap still in use (after a full
 * GC) is printed, which is the resident cost of the vocabulary.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 5, jvmArgsAppend = {"-Xmx1536m"})
public class VocabularyLoadBenchmark {

    @State(Scope.Benchmark)
    public static class Artifact {
        @Param(".litgraph/vocab/litgraph-vocab.bin")
        public String vocabulary;

        Path path;
        Engine last;

        @Setup(Level.Trial)
        public void locate() {
            path = BenchmarkCorpus.vocabulary(vocabulary);
        }

        @TearDown(Level.Trial)
        public void reportHeap() {
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf(Locale.ROOT, "%n[heap in use after loading %s and a full GC: %.0f MB]%n",
                    last.vocabularyVersion(), used / 1e6);
        }
    }

    @Benchmark
    public Engine load(Artifact artifact) {
        artifact.last = Engine.load(artifact.path);
        return artifact.last;
    }
}
