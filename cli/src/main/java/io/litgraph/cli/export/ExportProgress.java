package io.litgraph.cli.export;

import java.io.PrintWriter;

/**
 * One stderr line: records (lines) and bytes per part and the rate, redrawn in place at most five times a
 * second on a terminal; elsewhere only the final line, so that logs stay clean. The total is not known in
 * advance (the export streams), so it shows counts, not a bar.
 */
final class ExportProgress {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final boolean interactive;
    private final long started = System.nanoTime();
    private final StringBuilder done = new StringBuilder();
    private String part = "";
    private long lines;
    private long bytes;
    private long totalBytes;
    private long lastDrawn;

    ExportProgress(PrintWriter err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    void start(String name) {
        close();
        part = name;
        lines = 0;
        bytes = 0;
    }

    void bytes(byte[] buffer, int n) {
        for (int i = 0; i < n; i++) {
            if (buffer[i] == '\n') {
                lines++;
            }
        }
        bytes += n;
        totalBytes += n;
        long now = System.nanoTime();
        if (interactive && now - lastDrawn >= REDRAW_NANOS) {
            lastDrawn = now;
            err.print("\r" + render(now));
            err.flush();
        }
    }

    void finish() {
        close();
        part = "";
        err.print((interactive ? "\r" : "") + render(System.nanoTime()) + "\n");
        err.flush();
    }

    private void close() {
        if (!part.isEmpty()) {
            done.append(done.isEmpty() ? "" : ", ").append(part).append(' ').append(lines).append(" lines");
            part = "";
        }
    }

    String render(long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        String current = part.isEmpty() ? "" : (done.isEmpty() ? "" : ", ") + part + " " + lines + " lines";
        return String.format("export %s%s  %.1f MB  %.1f MB/s  %.0fs", done, current, totalBytes / 1e6,
                totalBytes / 1e6 / seconds, seconds);
    }
}
