package io.litgraph.query.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Load driver for the query API (bench only, not part of the test suite); run it in its own process
 * against a running query-service. Per endpoint: an open-model run at a fixed arrival rate, where
 * latency counts from the moment a request was due (so a stalled server cannot hide its queue), then
 * a closed-loop run with {@code --workers} clients back to back for the throughput ceiling.
 *
 * <pre>--url http://localhost:8083 [--rate 200] [--seconds 30] [--warmup 5] [--workers 8]
 *      [--endpoints autocomplete,concept,neighbors,paths]</pre>
 * Other endpoints: {@code autocomplete-short}, {@code autocomplete-long}, {@code search}, {@code search-hits}
 * (without facets, as the Explorer asks first), {@code document},
 * {@code relations}.
 * Also {@code autocomplete-short} / {@code autocomplete-long}: the 1-2 character and the longer queries of
 * the same mix, and {@code search} (full text).
 */
public final class QueryLoadDriver {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
    private final String base;
    private final Random random = new Random(7);

    private QueryLoadDriver(String base) {
        this.base = base.replaceAll("/+$", "");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = BenchLoader.options(args);
        QueryLoadDriver driver = new QueryLoadDriver(opt.getOrDefault("url", "http://localhost:8083"));
        int rate = Integer.parseInt(opt.getOrDefault("rate", "200"));
        int seconds = Integer.parseInt(opt.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "5"));
        int workers = Integer.parseInt(opt.getOrDefault("workers", "8"));
        List<String> endpoints = List.of(opt.getOrDefault("endpoints", "autocomplete,concept,neighbors,paths").split(","));

        Sample sample = driver.sample();
        System.out.printf("sample: %d concept ids, %d autocomplete queries%n", sample.ids.size(), sample.queries.size());
        List<String> rows = new ArrayList<>();
        for (String endpoint : endpoints) {
            Supplier<String> next = driver.requests(endpoint, sample);
            driver.fixedRate(next, rate, warmup);
            Result open = driver.fixedRate(next, rate, seconds);
            Result closed = driver.closedLoop(next, workers, Math.max(5, seconds / 3));
            rows.add(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %d | %.0f | %.1f / %.1f |",
                    endpoint, rate, open.count(), open.percentile(50), open.percentile(90), open.percentile(99), open.max(),
                    open.errors, closed.count() / closed.seconds, closed.percentile(50), closed.percentile(99)));
            System.out.println(rows.get(rows.size() - 1));
            System.out.print("slowest:\n" + open.slowest());
        }
        System.out.println();
        System.out.println("| endpoint | rate (req/s) | requests | p50 ms | p90 ms | p99 ms | max ms | errors | closed-loop req/s (" + workers
                + " clients) | closed-loop p50 / p99 ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    record Sample(List<String> ids, List<String> queries, List<String> documents) {
    }

    /** Concept ids and names from the API itself: the most frequent ones and a spread of others. */
    private Sample sample() throws Exception {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        collect(get("/api/concepts?limit=100"), ids, names);
        for (char a = 'a'; a <= 'z'; a++) {
            collect(get("/api/concepts?limit=20&q=" + a + "" + (char) ('a' + random.nextInt(26))), ids, names);
            collect(get("/api/concepts?limit=20&q=" + a), ids, names);
        }
        List<String> queries = new ArrayList<>();
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            // what a user types: every prefix up to 8 characters, and prefixes of later words
            for (int n = 1; n <= Math.min(8, lower.length()); n++) {
                queries.add(lower.substring(0, n));
            }
            String[] words = lower.split("[^\\p{L}\\p{N}]+");
            for (int w = 1; w < words.length; w++) {
                if (words[w].length() >= 2) {
                    queries.add(words[w].substring(0, Math.min(words[w].length(), 2 + random.nextInt(4))));
                }
            }
        }
        List<String> documents = new ArrayList<>();
        for (String word : List.of("insulin", "cancer", "patients", "gene", "cell", "mice", "expression")) {
            for (JsonNode item : get("/api/documents?limit=50&q=" + word).path("items")) {
                documents.add(item.path("id").asText());
            }
        }
        return new Sample(new ArrayList<>(ids), queries, documents);
    }

    private static void collect(JsonNode page, Set<String> ids, Set<String> names) {
        for (JsonNode item : page.path("items")) {
            ids.add(item.path("id").asText());
            names.add(item.path("name").asText());
        }
    }

    private Supplier<String> requests(String endpoint, Sample s) {
        return switch (endpoint) {
            case "autocomplete" -> () -> "/api/concepts?limit=10&q=" + enc(pick(s.queries));
            // the two halves of the same query mix: 1-2 characters (most candidates) and 3 or more
            case "autocomplete-short" -> () -> "/api/concepts?limit=10&q=" + enc(pickOf(s.queries, true));
            case "autocomplete-long" -> () -> "/api/concepts?limit=10&q=" + enc(pickOf(s.queries, false));
            case "concept" -> () -> "/api/concepts/" + enc(pick(s.ids));
            case "neighbors" -> () -> "/api/concepts/" + enc(pick(s.ids)) + "/neighbors?limit=20";
            case "paths" -> () -> "/api/paths?maxHops=3&from=" + enc(pick(s.ids)) + "&to=" + enc(pick(s.ids));
            case "search" -> () -> "/api/documents?limit=10&q=" + enc(pick(s.queries).replaceAll("[^a-z0-9 ]", " ").trim() + "*");
            case "search-hits" -> () -> "/api/documents?limit=10&facets=false&q="
                    + enc(pick(s.queries).replaceAll("[^a-z0-9 ]", " ").trim() + "*");
            case "document" -> () -> "/api/documents/" + enc(pick(s.documents));
            case "relations" -> () -> "/api/relations?limit=20&subject=" + enc(pick(s.ids));
            default -> throw new IllegalArgumentException("unknown endpoint " + endpoint);
        };
    }

    private synchronized String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    private synchronized String pickOf(List<String> list, boolean shortOnes) {
        while (true) {
            String q = list.get(random.nextInt(list.size()));
            if ((q.length() <= 2) == shortOnes) {
                return q;
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Result fixedRate(Supplier<String> next, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        long period = 1_000_000_000L / rate;
        Result result = new Result(seconds);
        CountDownLatch done = new CountDownLatch(total);
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            int k = sent.getAndIncrement();
            if (k >= total) {
                return;
            }
            long due = start + k * period;
            String path = next.get();
            http.sendAsync(request(path), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        result.record(System.nanoTime() - due, error == null && response.statusCode() < 400);
                        result.slowest(System.nanoTime() - due, path);
                        done.countDown();
                    });
        }, 0, period, TimeUnit.NANOSECONDS);
        boolean finished = done.await(seconds + 120L, TimeUnit.SECONDS);
        ticker.shutdownNow();
        if (!finished) {
            System.err.println("some requests did not complete");
        }
        return result;
    }

    private Result closedLoop(Supplier<String> next, int workers, int seconds) throws Exception {
        Result result = new Result(seconds);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> r = http.send(request(next.get()), HttpResponse.BodyHandlers.discarding());
                        result.record(System.nanoTime() - t0, r.statusCode() < 400);
                    } catch (Exception e) {
                        result.record(System.nanoTime() - t0, false);
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return result;
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> r = http.send(request(path), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " → " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    static final class Result {
        final double seconds;
        final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        final AtomicLong errorCount = new AtomicLong();
        long errors;
        private long[] sorted;

        Result(double seconds) {
            this.seconds = seconds;
        }

        private final java.util.TreeMap<Long, String> slow = new java.util.TreeMap<>();

        synchronized void slowest(long latency, String path) {
            slow.put(latency, path);
            if (slow.size() > 5) {
                slow.pollFirstEntry();
            }
        }

        synchronized String slowest() {
            StringBuilder out = new StringBuilder();
            slow.descendingMap().forEach((n, p) -> out.append(String.format(Locale.ROOT, "  %.1f ms %s%n", n / 1e6, p)));
            return out.toString();
        }

        void record(long latency, boolean ok) {
            nanos.add(latency);
            if (!ok) {
                errors = errorCount.incrementAndGet();
            }
        }

        int count() {
            return nanos.size();
        }

        double percentile(double p) {
            if (sorted == null) {
                sorted = nanos.stream().mapToLong(Long::longValue).toArray();
                Arrays.sort(sorted);
            }
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }

        double max() {
            return percentile(100);
        }
    }
}
