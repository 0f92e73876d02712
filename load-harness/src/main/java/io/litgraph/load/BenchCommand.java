package io.litgraph.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Callable;

/**
 * Drives the running stack: N documents (corpus abstracts under fresh ids {@code load-<run>-<n>}) at a
 * fixed rate as single POSTs, or at full speed through the NDJSON batch endpoint; measures throughput,
 * POST→queryable latency of every document (query-service's {@code indexedAt} minus the moment the
 * POST was sent), consumer lag and the CPU and RSS of every process of the stack; prints a Markdown block.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the running stack end to end and print a Markdown result block.")
public class BenchCommand implements Callable<Integer> {
    static final int MAX_DOCS = 100_000;

    @Option(names = "--docs", defaultValue = "3000", description = "documents to ingest (max 100000; default ${DEFAULT-VALUE})")
    int docs;

    @Option(names = "--rate", defaultValue = "50", description = "documents per second, single POSTs (default ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--full-speed", description = "as fast as ingest takes them, through the NDJSON batch endpoint")
    boolean fullSpeed;

    @Option(names = "--batch-size", defaultValue = "100", description = "documents per NDJSON batch (default ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--concurrency", defaultValue = "4", description = "parallel batch requests at full speed (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--max-in-flight", defaultValue = "64", description = "unanswered single POSTs allowed (default ${DEFAULT-VALUE})")
    int maxInFlight;

    @Option(names = "--ingest-url", description = "default http://127.0.0.1:$LITGRAPH_INGEST_PORT (8081)")
    URI ingestUrl;

    @Option(names = "--query-url", description = "default http://127.0.0.1:$LITGRAPH_QUERY_PORT (8083)")
    URI queryUrl;

    @Option(names = "--bootstrap", description = "Kafka, for consumer lag; default 127.0.0.1:$LITGRAPH_KAFKA_PORT (9092)")
    String bootstrap;

    @Option(names = "--api-key", description = "ingest API key; default LITGRAPH_API_KEY from $LITGRAPH_RUN_DIR/secrets.env")
    String apiKey;

    @Option(names = "--run-dir", description = "the stack's run directory (PIDs, secrets); default $LITGRAPH_RUN_DIR or .litgraph")
    Path runDir;

    @Option(names = "--corpora", description = "PubTator corpora; default ../shared/corpora next to the repository")
    Path corpora;

    @Option(names = "--drain-timeout", defaultValue = "900", description = "seconds to wait for everything to be queryable (default ${DEFAULT-VALUE})")
    int drainTimeout;

    @Option(names = "--run-id", description = "id part of the documents (default: a timestamp)")
    String runId;

    @Option(names = "--out", description = "also append the Markdown block to this file")
    Path out;

    @Option(names = "--command-line", hidden = true, description = "the command as the user typed it, for the report")
    String commandLine;

    @Override
    public Integer call() throws Exception {
        if (docs < 1 || docs > MAX_DOCS) {
            throw new IllegalArgumentException("--docs must be between 1 and " + MAX_DOCS);
        }
        Environment env = Environment.resolve(this);
        List<Corpus.Abstract> abstracts = Corpus.load(env.corpora());
        String run = runId != null ? runId : DateTimeFormatter.ofPattern("MMddHHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        String prefix = "load-" + run + "-";
        StackClient client = new StackClient(env.ingest(), env.query(), env.apiKey());
        System.err.printf("[bench] %d documents from %d corpus abstracts, ids %s0..%d, %s%n", docs, abstracts.size(), prefix,
                docs - 1, fullSpeed ? "full speed (batches of " + batchSize + " x" + concurrency + ")" : rate + " docs/s");

        Measurements m = new Measurements(docs);
        ResourceSampler resources = new ResourceSampler();
        for (String name : List.of("ingest-service", "entity-service", "query-service", "kafka")) {
            resources.add(name, () -> env.pid(name), false);
        }
        resources.add("postgresql (all backends)", env::postmasterPid, true);
        resources.add("load harness", () -> ProcessHandle.current().pid(), false);
        String[] loadBefore = LoadAverage.read();
        long runStart = System.currentTimeMillis();
        IndexWatcher watcher = new IndexWatcher(client, prefix, runStart);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sampler");
            t.setDaemon(true);
            return t;
        });
        try (LagSampler lag = new LagSampler(env.bootstrap(), new LagSampler.Group("entity-service", "litgraph.documents.v1"),
                new LagSampler.Group("query-service", "litgraph.annotations.v1"))) {
            resources.sample();
            List<Double> loads = new ArrayList<>();
            sampler.scheduleAtFixedRate(() -> {
                try {
                    resources.sample();
                    lag.sample();
                    loads.add(Double.parseDouble(LoadAverage.read()[0]));
                    watcher.poll();
                } catch (Exception e) {
                    System.err.println("[bench] sample failed: " + e);
                }
            }, 1, 1, TimeUnit.SECONDS);

            long submitStart = System.currentTimeMillis();
            if (fullSpeed) {
                submitBatches(client, abstracts, prefix, m);
            } else {
                submitAtRate(client, abstracts, prefix, m);
            }
            long submitEnd = System.currentTimeMillis();
            System.err.printf("[bench] submitted in %.1f s: %d accepted, %d rejected; waiting until queryable%n",
                    (submitEnd - submitStart) / 1000.0, m.accepted.get(), m.rejected.get());

            long deadline = System.currentTimeMillis() + drainTimeout * 1000L;
            int lastReported = -1;
            while (System.currentTimeMillis() < deadline && watcher.indexedAt().size() < m.accepted.get()) {
                Thread.sleep(1000);
                int seen = watcher.indexedAt().size();
                if (seen / 1000 != lastReported / 1000) {
                    System.err.printf("[bench] %d/%d queryable%n", seen, m.accepted.get());
                    lastReported = seen;
                }
            }
            sampler.shutdown();
            sampler.awaitTermination(30, TimeUnit.SECONDS);
            resources.sample();
            lag.sample();
            watcher.sweep();
            String[] loadAfter = LoadAverage.read();
            Report report = new Report(this, env, run, m, watcher.indexedAt(), prefix, submitStart, submitEnd,
                    resources.usage(), lag.lags(), loadBefore, loadAfter, loads, abstracts.size());
            String markdown = report.markdown();
            System.out.println(markdown);
            if (out != null) {
                Files.writeString(out, markdown + "\n", java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            }
            return watcher.indexedAt().size() >= m.accepted.get() ? 0 : 3;
        } finally {
            sampler.shutdownNow();
        }
    }

    /** What was sent when, and what ingest answered. */
    static final class Measurements {
        final long[] sentAt;
        final long[] postMillis;
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger rejected = new AtomicInteger();
        final AtomicInteger failedRequests = new AtomicInteger();
        final Map<String, Integer> rejections = new ConcurrentHashMap<>();
        final AtomicLong behindScheduleMillis = new AtomicLong();

        Measurements(int n) {
            sentAt = new long[n];
            postMillis = new long[n];
            java.util.Arrays.fill(postMillis, -1);
        }
    }

    static String documentJson(Corpus.Abstract a, String id) {
        ObjectNode doc = StackClient.JSON.createObjectNode();
        doc.put("id", id);
        if (a.title() != null) {
            doc.put("title", a.title());
        }
        doc.put("text", a.text());
        doc.put("source", "load-harness");
        doc.putObject("metadata").put("pmid", a.pmid());
        return doc.toString();
    }

    private void submitAtRate(StackClient client, List<Corpus.Abstract> abstracts, String prefix, Measurements m)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(maxInFlight);
        CountDownLatch done = new CountDownLatch(docs);
        long start = System.nanoTime();
        double intervalNanos = 1e9 / rate;
        for (int i = 0; i < docs; i++) {
            long due = start + (long) (i * intervalNanos);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            inFlight.acquire();
            long late = (System.nanoTime() - due) / 1_000_000;
            m.behindScheduleMillis.accumulateAndGet(late, Math::max);
            int n = i;
            String body = documentJson(abstracts.get(n % abstracts.size()), prefix + n);
            m.sentAt[n] = System.currentTimeMillis();
            long t0 = System.nanoTime();
            client.postDocument(body).whenComplete((response, error) -> {
                m.postMillis[n] = (System.nanoTime() - t0) / 1_000_000;
                record(m, response, error);
                inFlight.release();
                done.countDown();
            });
        }
        done.await(300, TimeUnit.SECONDS);
    }

    private static void record(Measurements m, HttpResponse<String> response, Throwable error) {
        if (error != null) {
            m.failedRequests.incrementAndGet();
            m.rejections.merge(error.getClass().getSimpleName(), 1, Integer::sum);
        } else if (response.statusCode() == 202) {
            m.accepted.incrementAndGet();
        } else {
            m.rejected.incrementAndGet();
            m.rejections.merge("HTTP " + response.statusCode(), 1, Integer::sum);
        }
    }

    private void submitBatches(StackClient client, List<Corpus.Abstract> abstracts, String prefix, Measurements m)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Thread t = new Thread(() -> {
                for (int from = next.getAndAdd(batchSize); from < docs; from = next.getAndAdd(batchSize)) {
                    int to = Math.min(docs, from + batchSize);
                    StringBuilder ndjson = new StringBuilder();
                    for (int n = from; n < to; n++) {
                        ndjson.append(documentJson(abstracts.get(n % abstracts.size()), prefix + n)).append('\n');
                    }
                    long sent = System.currentTimeMillis();
                    long t0 = System.nanoTime();
                    for (int n = from; n < to; n++) {
                        m.sentAt[n] = sent;
                    }
                    try {
                        HttpResponse<String> r = client.postBatch(ndjson.toString());
                        long took = (System.nanoTime() - t0) / 1_000_000;
                        for (int n = from; n < to; n++) {
                            m.postMillis[n] = took;
                        }
                        countBatch(m, r, to - from);
                    } catch (Exception e) {
                        m.failedRequests.incrementAndGet();
                        m.rejections.merge(e.getClass().getSimpleName(), to - from, Integer::sum);
                    }
                }
            }, "batch-" + w);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
    }

    private static void countBatch(Measurements m, HttpResponse<String> r, int size) throws IOException {
        if (r.statusCode() != 200 && r.statusCode() != 202) {
            m.rejected.addAndGet(size);
            m.rejections.merge("HTTP " + r.statusCode(), size, Integer::sum);
            return;
        }
        JsonNode list = StackClient.JSON.readTree(r.body());
        for (JsonNode result : list.path("results")) {
            if ("REJECTED".equals(result.path("status").asText()) || result.path("duplicate").asBoolean(false)) {
                m.rejected.incrementAndGet();
                m.rejections.merge(result.path("duplicate").asBoolean(false) ? "duplicate"
                        : result.path("error").path("title").asText("rejected"), 1, Integer::sum);
            } else {
                m.accepted.incrementAndGet();
            }
        }
    }

    /** Where the stack is: from options, then the launcher's environment variables and run directory. */
    record Environment(URI ingest, URI query, String bootstrap, String apiKey, Path runDir, Path corpora, Long pgPid) {
        static Environment resolve(BenchCommand c) throws IOException {
            Path home = Path.of(System.getenv().getOrDefault("LITGRAPH_HOME", ".")).toAbsolutePath().normalize();
            Path runDir = c.runDir != null ? c.runDir : Path.of(System.getenv().getOrDefault("LITGRAPH_RUN_DIR", home.resolve(".litgraph").toString()));
            URI ingest = c.ingestUrl != null ? c.ingestUrl : URI.create("http://127.0.0.1:" + env("LITGRAPH_INGEST_PORT", "8081"));
            URI query = c.queryUrl != null ? c.queryUrl : URI.create("http://127.0.0.1:" + env("LITGRAPH_QUERY_PORT", "8083"));
            String bootstrap = c.bootstrap != null ? c.bootstrap
                    : System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + env("LITGRAPH_KAFKA_PORT", "9092"));
            String key = c.apiKey;
            if (key == null) {
                Path secrets = runDir.resolve("secrets.env");
                if (!Files.exists(secrets)) {
                    throw new IOException("no --api-key and no " + secrets + " (is the stack up? set LITGRAPH_RUN_DIR)");
                }
                Properties p = new Properties();
                try (var in = Files.newBufferedReader(secrets)) {
                    p.load(in);
                }
                key = p.getProperty("LITGRAPH_API_KEY");
            }
            Path corpora = c.corpora != null ? c.corpora : home.resolve("../shared/corpora").normalize();
            return new Environment(ingest, query, bootstrap, key, runDir, corpora, null);
        }

        private static String env(String name, String fallback) {
            String v = System.getenv(name);
            return v == null || v.isBlank() ? fallback : v;
        }

        Long pid(String name) {
            try {
                return Long.parseLong(Files.readString(runDir.resolve("pids").resolve(name + ".pid")).trim());
            } catch (IOException | NumberFormatException e) {
                return null;
            }
        }

        /** Debian keeps the postmaster's PID in /var/run/postgresql/<version>-<cluster>.pid. */
        Long postmasterPid() {
            try (var files = Files.list(Path.of("/var/run/postgresql"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".pid")).toList()) {
                    long pid = Long.parseLong(Files.readAllLines(f).get(0).trim());
                    if (ProcessHandle.of(pid).isPresent()) {
                        return pid;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not a Debian cluster: PostgreSQL is left out of the table
            }
            return null;
        }
    }
}
