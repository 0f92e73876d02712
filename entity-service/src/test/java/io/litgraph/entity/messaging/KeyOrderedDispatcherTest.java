package io.litgraph.entity.messaging;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyOrderedDispatcherTest {

    @Test
    void keepsPerKeyOrderAndRunsKeysInParallel() throws Exception {
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        Map<String, String> threads = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(200);
        try (KeyOrderedDispatcher dispatcher = new KeyOrderedDispatcher(4, 1000, "test")) {
            for (int i = 0; i < 200; i++) {
                String key = "doc-" + (i % 10);
                int n = i;
                dispatcher.submit(key, () -> {
                    seen.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(n);
                    threads.merge(key, Thread.currentThread().getName(), (a, b) -> a.equals(b) ? a : "MOVED");
                    done.countDown();
                    return CompletableFuture.completedFuture(null);
                });
            }
            assertTrue(done.await(10, TimeUnit.SECONDS));
        }
        for (var e : seen.entrySet()) {
            List<Integer> order = e.getValue();
            for (int i = 1; i < order.size(); i++) {
                assertTrue(order.get(i - 1) < order.get(i), e.getKey() + " out of order: " + order);
            }
        }
        assertFalse(threads.containsValue("MOVED"), "a key always runs on its lane");
        assertTrue(threads.values().stream().distinct().count() > 1, "keys are spread over lanes: " + threads);
    }

    @Test
    void admissionWaitsWhileTooManyTasksAreUnfinished() throws Exception {
        try (KeyOrderedDispatcher dispatcher = new KeyOrderedDispatcher(2, 2, "test")) {
            CompletableFuture<Void> firstDone = new CompletableFuture<>();
            CompletionStage<Void> a = dispatcher.submit("a", () -> firstDone);
            CompletionStage<Void> b = dispatcher.submit("b", () -> new CompletableFuture<>());
            assertTrue(a.toCompletableFuture().isDone(), "one in flight: admitted at once");
            assertFalse(b.toCompletableFuture().isDone(), "two in flight = the limit: the caller must wait");
            firstDone.complete(null);
            b.toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertEquals(1, dispatcher.inFlight());
        }
    }

    @Test
    void aTaskThatThrowsReleasesItsSlot() throws Exception {
        try (KeyOrderedDispatcher dispatcher = new KeyOrderedDispatcher(1, 1, "test")) {
            CompletionStage<Void> admitted = dispatcher.submit("a", () -> {
                throw new IllegalStateException("boom");
            });
            admitted.toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertEquals(0, dispatcher.inFlight());
        }
    }
}
