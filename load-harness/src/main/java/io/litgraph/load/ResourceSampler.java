package io.litgraph.load;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Samples CPU and RSS of the stack's processes once a second. CPU is accumulated per PID between
 * consecutive samples, so a process group whose members come and go (PostgreSQL backends) is counted
 * without negative jumps.
 */
public final class ResourceSampler {
    /** Accumulated figures of one component over the measured window. */
    public static final class Usage {
        long cpuTicks;
        long peakRssKb;
        long lastRssKb;
        double peakCpuPercent;
        int pids;

        public double cpuSeconds() {
            return cpuTicks / (double) ProcStat.TICKS_PER_SECOND;
        }
    }

    private record Component(Supplier<Long> rootPid, boolean withChildren) {
    }

    private final Map<String, Component> components = new LinkedHashMap<>();
    private final Map<String, Map<Long, Long>> lastTicks = new HashMap<>();
    private final Map<String, Usage> usage = new LinkedHashMap<>();
    private long lastSampleNanos;

    public void add(String name, Supplier<Long> rootPid, boolean withChildren) {
        components.put(name, new Component(rootPid, withChildren));
        usage.put(name, new Usage());
        lastTicks.put(name, new HashMap<>());
    }

    /** First call sets the baseline; later calls add what each process used since the previous one. */
    public synchronized void sample() {
        long now = System.nanoTime();
        double intervalSeconds = lastSampleNanos == 0 ? 0 : (now - lastSampleNanos) / 1e9;
        for (var entry : components.entrySet()) {
            Long root = entry.getValue().rootPid().get();
            Usage u = usage.get(entry.getKey());
            Map<Long, Long> previous = lastTicks.get(entry.getKey());
            Map<Long, Long> current = new HashMap<>();
            long rss = 0;
            long delta = 0;
            if (root != null) {
                List<Long> pids = entry.getValue().withChildren() ? ProcStat.withChildren(root) : List.of(root);
                for (long pid : pids) {
                    ProcStat.Sample s = ProcStat.sample(pid);
                    if (s == null) {
                        continue;
                    }
                    current.put(pid, s.cpuTicks());
                    rss += s.rssKb();
                    Long before = previous.get(pid);
                    if (lastSampleNanos != 0) {
                        // a process born since the last sample used all of its ticks in this interval
                        delta += before == null ? s.cpuTicks() : Math.max(0, s.cpuTicks() - before);
                    }
                }
            }
            lastTicks.put(entry.getKey(), current);
            u.cpuTicks += delta;
            u.lastRssKb = rss;
            u.peakRssKb = Math.max(u.peakRssKb, rss);
            u.pids = current.size();
            if (intervalSeconds > 0.5) {
                u.peakCpuPercent = Math.max(u.peakCpuPercent, 100.0 * delta / ProcStat.TICKS_PER_SECOND / intervalSeconds);
            }
        }
        lastSampleNanos = now;
    }

    public synchronized Map<String, Usage> usage() {
        return usage;
    }
}
