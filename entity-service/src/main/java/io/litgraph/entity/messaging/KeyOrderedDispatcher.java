package io.litgraph.entity.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs CPU-bound work on a fixed number of single-threaded lanes, choosing the lane by key: work for one
 * key (one document) runs in arrival order, work for different keys runs in parallel. SmallRye's
 * {@code @Blocking(ordered = false)} gives parallelism but may reorder two versions of one document;
 * ordered {@code @Blocking} keeps order but uses one core.
 *
 * <p>Admission is bounded: {@link #submit} returns a stage that completes once fewer than
 * {@code maxInFlight} tasks are unfinished. The messaging layer waits for that stage before it hands over
 * the next record, which is how back-pressure reaches the Kafka consumer.
 */
public class KeyOrderedDispatcher implements AutoCloseable {
    private final List<ExecutorService> lanes = new ArrayList<>();
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> waitingForSlot = new ConcurrentLinkedQueue<>();

    public KeyOrderedDispatcher(int laneCount, int maxInFlight, String threadNamePrefix) {
        if (laneCount < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("laneCount and maxInFlight must be positive");
        }
        this.maxInFlight = maxInFlight;
        for (int i = 0; i < laneCount; i++) {
            String name = threadNamePrefix + "-" + i;
            lanes.add(Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            }));
        }
    }

    /**
     * Runs {@code task} on the key's lane; the task's own stage says when the work is really done
     * (e.g. when its output has been acknowledged), and only then is its slot released.
     *
     * @return admission: completes when another task may be submitted
     */
    public CompletionStage<Void> submit(String key, Supplier<CompletionStage<Void>> task) {
        inFlight.incrementAndGet();
        ExecutorService lane = lanes.get(Math.floorMod(key == null ? 0 : key.hashCode(), lanes.size()));
        lane.execute(() -> {
            CompletionStage<Void> done;
            try {
                done = task.get();
            } catch (Throwable e) {
                // an Error too: the slot must be released whatever the task threw
                done = CompletableFuture.failedFuture(e);
            }
            done.whenComplete((ignored, failure) -> release());
        });
        if (inFlight.get() < maxInFlight) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> slot = new CompletableFuture<>();
        waitingForSlot.add(slot);
        // a task may have finished between the check and the registration
        if (inFlight.get() < maxInFlight) {
            completeWaiter();
        }
        return slot;
    }

    private void release() {
        if (inFlight.decrementAndGet() < maxInFlight) {
            completeWaiter();
        }
    }

    private void completeWaiter() {
        CompletableFuture<Void> slot = waitingForSlot.poll();
        if (slot != null) {
            slot.complete(null);
        }
    }

    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public void close() {
        lanes.forEach(ExecutorService::shutdownNow);
    }
}
