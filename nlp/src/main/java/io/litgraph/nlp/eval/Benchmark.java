package io.litgraph.nlp.eval;

import io.litgraph.nlp.AnnotatedDocument;
import io.litgraph.nlp.Engine;
import io.litgraph.nlp.InputDocument;
import io.litgraph.nlp.io.PubTatorDocument;
import io.litgraph.nlp.io.PubTatorReader;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput benchmark of the extraction engine: loads a vocabulary artifact (timed), reads the abstracts of
 * the given PubTator files, warms up, then annotates them on ONE thread for a fixed number of rounds and reports
 * MB/s of text per core (wall clock, and per CPU-second of the annotating thread, which stays meaningful on
 * a shared, overloaded machine), documents/s, and the heap in use after loading the vocabulary.
 *
 * <p>{@code java -Xmx1536m -cp nlp.jar:deps/* io.litgraph.nlp.eval.Benchmark --vocab ARTIFACT --docs FILE
 * [--docs FILE...] [--rounds N]}. A plain timed loop rather than JMH: the unit of work (one abstract) is
 * milliseconds long, far above the timer resolution, and the warm-up rounds let the JIT settle.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path vocab = null;
        List<Path> files = new ArrayList<>();
        int rounds = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--vocab" -> vocab = Path.of(args[++i]);
                case "--docs" -> files.add(Path.of(args[++i]));
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("usage: Benchmark --vocab ARTIFACT --docs FILE... [--rounds N]");
            }
        }
        long t0 = System.nanoTime();
        long c0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        Engine engine = Engine.load(vocab);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        double loadCpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0) / 1e9;
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        List<InputDocument> docs = new ArrayList<>();
        long chars = 0;
        for (Path f : files) {
            for (PubTatorDocument d : PubTatorReader.read(f)) {
                docs.add(d.toInput());
                chars += d.text().length();
            }
        }
        System.out.printf(Locale.ROOT, "vocabulary %s: load %.2f s wall (%.2f s CPU of the loading thread), heap after load %.0f MB (max %d MB)%n",
                engine.vocabularyVersion(), loadSeconds, loadCpu, heap / 1e6, Runtime.getRuntime().maxMemory() / 1_000_000);
        System.out.printf(Locale.ROOT, "corpus: %d documents, %.2f MB of text%n", docs.size(), chars / 1e6);
        long sink = 0;
        for (InputDocument d : docs) { // warm-up
            sink += engine.annotate(d).mentions().size();
        }
        double best = 0;
        double bestCpu = 0;
        var threads = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            long t = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            for (InputDocument d : docs) {
                AnnotatedDocument a = engine.annotate(d);
                sink += a.mentions().size() + a.relations().size();
            }
            double s = (System.nanoTime() - t) / 1e9;
            double cpuS = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            double mbs = chars / 1e6 / s;
            best = Math.max(best, mbs);
            bestCpu = Math.max(bestCpu, chars / 1e6 / cpuS);
            System.out.printf(Locale.ROOT, "round %d: %.2f s wall, %.2f s CPU, %.2f MB/s wall, %.2f MB per CPU-second, %.0f docs/s (1 thread)%n",
                    r + 1, s, cpuS, mbs, chars / 1e6 / cpuS, docs.size() / s);
        }
        System.out.printf(Locale.ROOT, "best: %.2f MB/s wall, %.2f MB per CPU-second on one thread (checksum %d)%n", best, bestCpu, sink);
    }
}
