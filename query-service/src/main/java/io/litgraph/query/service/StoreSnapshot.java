package io.litgraph.query.service;

import io.litgraph.query.config.QueryConfig;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A value read from the store and reused until a document was stored since it was read ({@link StoreVersion})
 * or it is older than {@code litgraph.query.cache.max-age} (a late commit with a lower sequence number does not
 * move the version). One thread reads it again; the others meanwhile go on with the value held, and wait only
 * when there is none yet.
 */
final class StoreSnapshot<T> {

    private record Held<T>(T value, long version, long readAtNanos) {
    }

    private final StoreVersion versions;
    private final long maxAgeNanos;
    private final Supplier<T> reader;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile Held<T> held;

    StoreSnapshot(StoreVersion versions, QueryConfig config, Supplier<T> reader) {
        this.versions = versions;
        this.maxAgeNanos = config.cache().maxAge().toNanos();
        this.reader = reader;
    }

    T current() {
        long version = versions.current();
        Held<T> snapshot = held;
        if (fresh(snapshot, version)) {
            return snapshot.value();
        }
        if (snapshot == null) {
            reading.lock();
        } else if (!reading.tryLock()) {
            return snapshot.value();
        }
        try {
            snapshot = held;
            if (fresh(snapshot, version)) {
                return snapshot.value();
            }
            // the version was read before the rows, so the rows are at least that new
            Held<T> read = new Held<>(reader.get(), version, System.nanoTime());
            held = read;
            return read.value();
        } finally {
            reading.unlock();
        }
    }

    private boolean fresh(Held<T> snapshot, long version) {
        return snapshot != null && snapshot.version() == version && System.nanoTime() - snapshot.readAtNanos() < maxAgeNanos;
    }
}
