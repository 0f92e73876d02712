package io.litgraph.cli.ingest;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * A one-line progress bar with rate and ETA, redrawn in place with {@code \r} at most ten times a second.
 * Thread-safe; disabled (silent) when stderr is not a terminal so that logs stay clean.
 */
public final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final String label;
    private final String unit;
    private final long total;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private long done;
    private long failed;
    private long lastDrawn;

    public ProgressBar(PrintWriter out, String label, String unit, long total, boolean enabled) {
        this.out = out;
        this.label = label;
        this.unit = unit;
        this.total = total;
        this.enabled = enabled && total > 0;
    }

    public synchronized void step(boolean failure) {
        done++;
        if (failure) {
            failed++;
        }
        long now = System.nanoTime();
        if (enabled && (now - lastDrawn >= REDRAW_NANOS || done == total)) {
            lastDrawn = now;
            out.print("\r" + render(now));
            out.flush();
        }
    }

    /** Ends the line so that what follows starts on a fresh one. */
    public synchronized void finish() {
        if (enabled) {
            out.print("\r" + render(System.nanoTime()) + "\n");
            out.flush();
        }
    }

    synchronized String render(long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double rate = done / seconds;
        int filled = (int) (WIDTH * done / Math.max(1, total));
        String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
        String eta = rate > 0 && done < total ? format(Duration.ofSeconds((long) ((total - done) / rate))) : "--:--";
        return String.format("%s [%s] %d/%d %s  %.1f/s  ETA %s%s", label, bar, done, total, unit, rate,
                done < total ? eta : format(Duration.ofSeconds((long) seconds)) + " total",
                failed > 0 ? "  " + failed + " failed" : "");
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, (s % 3600) / 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
