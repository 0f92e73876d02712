package io.litgraph.query.support;

import java.time.Duration;

/** Polls an assertion until it passes or the timeout runs out (then rethrows its last failure). */
public final class Eventually {

    private Eventually() {
    }

    public static void assertThat(Duration timeout, Runnable assertion) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
