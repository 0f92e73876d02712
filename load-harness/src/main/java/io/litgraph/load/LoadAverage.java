package io.litgraph.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The 1, 5 and 15 minute load averages of {@code /proc/loadavg}. */
final class LoadAverage {
    private LoadAverage() {
    }

    static String[] read() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new String[] {f[0], f[1], f[2]};
        } catch (IOException e) {
            return new String[] {"?", "?", "?"};
        }
    }
}
