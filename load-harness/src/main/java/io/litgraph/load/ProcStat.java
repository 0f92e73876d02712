package io.litgraph.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of a process from {@code /proc}: utime + stime (fields 14 and 15 of
 * {@code /proc/PID/stat}, in clock ticks) and {@code VmRSS} of {@code /proc/PID/status}.
 */
public final class ProcStat {
    /** USER_HZ: 100 on every Linux architecture litgraph runs on. */
    static final long TICKS_PER_SECOND = 100;

    public record Sample(long cpuTicks, long rssKb, int ppid) {
    }

    private ProcStat() {
    }

    public static OptionalLong cpuTicks(long pid) {
        try {
            return OptionalLong.of(parseStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))).cpuTicks());
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    public static Sample sample(long pid) {
        try {
            Sample stat = parseStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
            long rss = parseRssKb(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            return new Sample(stat.cpuTicks(), rss, stat.ppid());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The comm field may hold spaces and parentheses: fields are counted after its last ')'. */
    static Sample parseStat(String stat) {
        String rest = stat.substring(stat.lastIndexOf(')') + 2);
        String[] f = rest.trim().split("\\s+");
        // rest starts at field 3 (state): ppid is field 4, utime 14, stime 15
        int ppid = Integer.parseInt(f[1]);
        long utime = Long.parseLong(f[11]);
        long stime = Long.parseLong(f[12]);
        return new Sample(utime + stime, 0, ppid);
    }

    static long parseRssKb(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring(6).trim().split("\\s+")[0]);
            }
        }
        return 0;
    }

    /** A process and its direct children (PostgreSQL's backends are children of the postmaster). */
    public static List<Long> withChildren(long parent) {
        List<Long> pids = new ArrayList<>();
        pids.add(parent);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).forEach(pid -> {
                        Sample s = sample(pid);
                        if (s != null && s.ppid() == parent) {
                            pids.add(pid);
                        }
                    });
        } catch (IOException e) {
            // /proc unreadable: the parent alone
        }
        return pids;
    }
}
