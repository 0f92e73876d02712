package io.litgraph.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown result block: what was run, where, and what it measured. */
final class Report {
    private final BenchCommand c;
    private final BenchCommand.Environment env;
    private final String run;
    private final BenchCommand.Measurements m;
    private final Map<String, Long> indexedAt;
    private final String prefix;
    private final long submitStart;
    private final long submitEnd;
    private final Map<String, ResourceSampler.Usage> usage;
    private final Map<LagSampler.Group, LagSampler.Lag> lags;
    private final String[] loadBefore;
    private final String[] loadAfter;
    private final List<Double> loads;
    private final int corpusSize;

    Report(BenchCommand c, BenchCommand.Environment env, String run, BenchCommand.Measurements m, Map<String, Long> indexedAt,
           String prefix, long submitStart, long submitEnd, Map<String, ResourceSampler.Usage> usage,
           Map<LagSampler.Group, LagSampler.Lag> lags, String[] loadBefore, String[] loadAfter, List<Double> loads,
           int corpusSize) {
        this.c = c;
        this.env = env;
        this.run = run;
        this.m = m;
        this.indexedAt = indexedAt;
        this.prefix = prefix;
        this.submitStart = submitStart;
        this.submitEnd = submitEnd;
        this.usage = usage;
        this.lags = lags;
        this.loadBefore = loadBefore;
        this.loadAfter = loadAfter;
        this.loads = loads;
        this.corpusSize = corpusSize;
    }

    String markdown() {
        List<Long> latencies = new ArrayList<>();
        List<Long> posts = new ArrayList<>();
        long lastIndexed = 0;
        for (int n = 0; n < m.sentAt.length; n++) {
            Long at = indexedAt.get(prefix + n);
            if (at != null) {
                latencies.add(Math.max(0, at - m.sentAt[n]));
                lastIndexed = Math.max(lastIndexed, at);
            }
            if (m.postMillis[n] >= 0) {
                posts.add(m.postMillis[n]);
            }
        }
        Percentiles e2e = new Percentiles(latencies.stream().mapToLong(Long::longValue).toArray());
        Percentiles post = new Percentiles(posts.stream().mapToLong(Long::longValue).toArray());
        double submitSeconds = (submitEnd - submitStart) / 1000.0;
        double e2eSeconds = lastIndexed == 0 ? Double.NaN : (lastIndexed - submitStart) / 1000.0;
        double windowSeconds = Double.isNaN(e2eSeconds) ? submitSeconds : Math.max(submitSeconds, e2eSeconds);
        StringBuilder md = new StringBuilder();
        String date = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(submitStart).atOffset(ZoneOffset.UTC).toInstant());
        md.append("#### ").append(c.fullSpeed ? "Full speed" : "Fixed rate " + fmt(c.rate) + " docs/s").append(", ")
                .append(c.docs).append(" documents — run `").append(run).append("`, ").append(date).append("\n\n");
        md.append("- command: `").append(c.commandLine != null ? c.commandLine : "bench").append("`\n");
        md.append("- machine: ").append(machine()).append("\n");
        md.append("- load average (1/5/15 min) before: ").append(String.join(" ", loadBefore))
                .append(", after: ").append(String.join(" ", loadAfter))
                .append(", 1-min mean during the run: ").append(fmt(loads.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)))
                .append(" (other engineers' builds and tests share this machine)\n");
        md.append("- corpus: ").append(corpusSize).append(" distinct abstracts from ").append(env.corpora())
                .append(", repeated under fresh ids `").append(prefix).append("<n>`\n\n");
        md.append("| metric | value |\n|---|---|\n");
        row(md, "documents submitted / accepted / rejected", c.docs + " / " + m.accepted.get() + " / " + m.rejected.get()
                + (m.rejections.isEmpty() ? "" : " " + m.rejections));
        row(md, "queryable at the end / missing", indexedAt.size() + " / " + Math.max(0, m.accepted.get() - indexedAt.size()));
        row(md, "submit phase", fmt(submitSeconds) + " s → " + fmt(m.accepted.get() / submitSeconds) + " docs/s accepted by ingest"
                + (c.fullSpeed ? "" : "; worst lateness against the schedule " + m.behindScheduleMillis.get() + " ms"));
        row(md, "**end-to-end throughput** (first POST → last queryable)", Double.isNaN(e2eSeconds) ? "n/a"
                : "**" + fmt(indexedAt.size() / e2eSeconds) + " docs/s** (" + fmt(e2eSeconds) + " s)");
        row(md, "**POST → queryable** p50 / p95 / p99 / max", e2e.count() == 0 ? "n/a"
                : "**" + ms(e2e.at(50)) + " / " + ms(e2e.at(95)) + "** / " + ms(e2e.at(99)) + " / " + ms(e2e.max()));
        row(md, (c.fullSpeed ? "batch request (" + c.batchSize + " docs)" : "POST response time") + " p50 / p95 / p99",
                post.count() == 0 ? "n/a" : ms(post.at(50)) + " / " + ms(post.at(95)) + " / " + ms(post.at(99)));
        for (var lag : lags.entrySet()) {
            LagSampler.Lag l = lag.getValue();
            row(md, "consumer lag `" + lag.getKey().id() + "` on `" + lag.getKey().topic() + "` max / at the end",
                    l.max + " / " + l.last + (l.error == null ? "" : " (last sample failed: " + l.error + ")"));
        }
        md.append("\n| process | CPU s | mean CPU % of one core | peak CPU % (1 s) | RSS peak MiB |\n|---|---|---|---|---|\n");
        for (var u : usage.entrySet()) {
            ResourceSampler.Usage v = u.getValue();
            md.append("| ").append(u.getKey()).append(" | ").append(fmt(v.cpuSeconds())).append(" | ")
                    .append(fmt(100 * v.cpuSeconds() / windowSeconds)).append(" | ").append(fmt(v.peakCpuPercent)).append(" | ")
                    .append(v.peakRssKb / 1024).append(" |\n");
        }
        md.append("\nLatency is query-service's `indexedAt` (its transaction time) minus the moment the harness sent the POST")
                .append(c.fullSpeed ? " (for a batch: the moment the batch request was sent)" : "")
                .append("; CPU is utime+stime from /proc over ").append(fmt(windowSeconds))
                .append(" s; PostgreSQL counts the postmaster and all its backends, including other stacks' on this server.\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String metric, String value) {
        md.append("| ").append(metric).append(" | ").append(value).append(" |\n");
    }

    private static String ms(long millis) {
        return millis < 10_000 ? millis + " ms" : fmt(millis / 1000.0) + " s";
    }

    static String fmt(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "n/a";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String machine() {
        int cores = Runtime.getRuntime().availableProcessors();
        String cpu = "?";
        long memKb = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memKb = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // leave unknowns as they are
        }
        return cores + " cores (" + cpu + "), " + (memKb / 1024 / 1024) + " GiB RAM, Java " + Runtime.version().feature()
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }
}
