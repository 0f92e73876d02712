package io.litgraph.ingest.messaging;

import io.litgraph.ingest.config.IngestConfig;
import io.litgraph.ingest.repository.OutboxStore;
import io.litgraph.ingest.repository.OutboxStore.Failure;
import io.litgraph.ingest.repository.OutboxStore.Pending;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes outbox rows in id order. Each batch is locked ({@code FOR UPDATE SKIP LOCKED}), sent, and
 * marked processed only after the broker acknowledged it (acks=all), all in one transaction: a crash
 * before the commit republishes the batch (at-least-once; consumers keep the newest version and ignore
 * repeats). While the broker is unreachable the rows stay and the relay backs off exponentially.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final DocumentEventPublisher publisher;
    private final OutboxStore outbox;
    private final IngestConfig config;
    private final MeterRegistry meters;
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile Duration backoff = Duration.ZERO;
    private volatile boolean stopping;

    public OutboxRelay(DocumentEventPublisher publisher, OutboxStore outbox, IngestConfig config, MeterRegistry meters) {
        this.publisher = publisher;
        this.outbox = outbox;
        this.config = config;
        this.meters = meters;
    }

    void onShutdown(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${litgraph.ingest.relay.interval:200ms}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "outbox-relay")
    void tick() {
        if (stopping || Instant.now().isBefore(pausedUntil)) {
            return;
        }
        try {
            BatchResult result;
            do {
                result = QuarkusTransaction.requiringNew()
                        .timeout((int) config.relay().sendTimeout().plusSeconds(30).toSeconds())
                        .call(this::publishBatch);
                if (result.failure() != null) {
                    throw result.failure();
                }
            } while (result.size() == config.relay().batchSize());
            backoff = Duration.ZERO;
        } catch (RuntimeException e) {
            backoff = backoff.isZero() ? Duration.ofMillis(500)
                    : min(backoff.multipliedBy(2), config.relay().maxBackoff());
            pausedUntil = Instant.now().plus(backoff);
            LOG.warnf("outbox relay paused for %d ms: %s", backoff.toMillis(), rootMessage(e));
            publisher.reset();
        }
    }

    record BatchResult(int size, RuntimeException failure) {
    }

    /** Publishes the next batch; {@code failure} is set when the broker did not acknowledge all of it. */
    BatchResult publishBatch() {
        List<Pending> batch = outbox.lockNext(config.relay().batchSize());
        if (batch.isEmpty()) {
            return new BatchResult(0, null);
        }
        // Sent in id order on one idempotent producer: the broker keeps each document's events in that order.
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (Pending row : batch) {
            acks.add(publisher.send(row));
        }
        long deadline = System.nanoTime() + config.relay().sendTimeout().toNanos();
        List<Pending> published = new ArrayList<>(batch.size());
        List<Failure> failed = new ArrayList<>();
        RuntimeException failure = null;
        for (int i = 0; i < batch.size(); i++) {
            Pending row = batch.get(i);
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                published.add(row);
            } catch (ExecutionException e) {
                if (isPoison(e.getCause())) {
                    reject(row, e.getCause());
                } else {
                    failed.add(new Failure(row.id(), rootMessage(e)));
                    failure = failure != null ? failure : new IllegalStateException("broker did not accept the batch", e.getCause());
                }
            } catch (TimeoutException e) {
                String error = "no acknowledgement within " + config.relay().sendTimeout();
                failed.add(new Failure(row.id(), error));
                failure = failure != null ? failure : new IllegalStateException(error);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the broker", e);
            }
        }
        outbox.markPublished(published, Instant.now());
        outbox.recordFailures(failed);
        meters.counter("litgraph.ingest.outbox.published").increment(published.size());
        // Commit either way: acknowledged rows are done, the others keep their attempt count and error and
        // are retried after the back-off. A later version overtaking an earlier one is harmless, since
        // consumers keep the highest version.
        return new BatchResult(batch.size(), failure);
    }

    /** An event the broker will never take (e.g. larger than the topic allows): fail it instead of blocking the outbox. */
    private void reject(Pending row, Throwable cause) {
        LOG.errorf("outbox row %d (%s) rejected by the broker, not retried: %s", row.id(), row.key(), cause.toString());
        outbox.reject(row, "rejected: " + cause, "the broker rejected the document event: " + cause.getMessage(), Instant.now());
    }

    private static boolean isPoison(Throwable cause) {
        return cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                || cause instanceof InvalidTopicException;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
