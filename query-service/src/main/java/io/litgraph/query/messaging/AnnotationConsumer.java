package io.litgraph.query.messaging;

import io.litgraph.events.AnnotationEvent;
import io.litgraph.events.EventJson;
import io.litgraph.query.config.QueryConfig;
import io.litgraph.query.service.AnnotationStore;
import io.litgraph.query.service.InvalidEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code litgraph.annotations.v1}, one record at a time per instance (instances scale by
 * partitions). Unparseable or invalid events go to the dead-letter topic at once. Infrastructure
 * failures (see {@link Failures}) are retried with capped backoff for as long as they last: the record
 * is not acknowledged, so its partition waits and nothing is lost while PostgreSQL restarts. Other
 * storage errors get a few attempts, then the event is dead-lettered. The offset is committed after
 * this method returns.
 */
@ApplicationScoped
public class AnnotationConsumer {
    private static final Logger LOG = Logger.getLogger(AnnotationConsumer.class);

    private final AnnotationStore store;
    private final DeadLetters deadLetters;
    private final QueryConfig config;
    private final MeterRegistry metrics;

    public AnnotationConsumer(AnnotationStore store, DeadLetters deadLetters, QueryConfig config, MeterRegistry metrics) {
        this.store = store;
        this.deadLetters = deadLetters;
        this.config = config;
        this.metrics = metrics;
    }

    @Incoming("annotations")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) throws Exception {
        AnnotationEvent event;
        try {
            if (record.value() == null) {
                throw new InvalidEventException("record has no value");
            }
            event = EventJson.read(record.value(), AnnotationEvent.class);
        } catch (RuntimeException e) {
            deadLetter(record, e, null);
            return;
        }
        long backoff = config.consumer().retryBackoff().toMillis();
        long maxBackoff = Math.max(backoff, config.consumer().maxBackoff().toMillis());
        int eventFailures = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                AnnotationStore.Outcome outcome = store.store(event);
                metrics.counter("litgraph.query.events", "outcome", outcome.name().toLowerCase()).increment();
                if (attempt > 1) {
                    LOG.infof("stored %s v%d after %d attempts", event.documentId(), event.documentVersion(), attempt);
                }
                return;
            } catch (InvalidEventException e) {
                deadLetter(record, e, event);
                return;
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Exception | Error e) {
                // Error too: pgjdbc throws an AssertionError (cause: the closed connection) when the
                // server goes away in the middle of a batch
                boolean infrastructure = Failures.isTransient(e);
                if (!infrastructure && ++eventFailures >= config.consumer().maxAttempts()) {
                    deadLetter(record, e, event);
                    return;
                }
                metrics.counter("litgraph.query.store.retries", "cause", infrastructure ? "infrastructure" : "other")
                        .increment();
                LOG.warnf("storing %s v%d failed (attempt %d, %s), retrying in %d ms: %s", event.documentId(),
                        event.documentVersion(), attempt, infrastructure ? "database unavailable" : "error", backoff,
                        DeadLetters.message(e));
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, maxBackoff);
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Throwable error, AnnotationEvent event) throws Exception {
        LOG.warnf("dead-lettering %s-%d@%d (key %s): %s", record.topic(), record.partition(), record.offset(),
                record.key(), DeadLetters.message(error));
        String documentId = event == null ? null : event.documentId();
        deadLetters.publish(record, error, documentId == null || documentId.isBlank() ? null : documentId,
                event == null ? null : event.documentVersion());
        metrics.counter("litgraph.query.events", "outcome", "dead_lettered").increment();
    }
}
