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
 * Consumes {@code litgraph.annotations.v1}. Unparseable or invalid events go to the dead-letter topic at
 * once; storage failures are retried with backoff first (a database hiccup should not dead-letter a
 * good event). Either way the consumer moves on. The offset is committed after this method returns.
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
        for (int attempt = 1; ; attempt++) {
            try {
                AnnotationStore.Outcome outcome = store.store(event);
                metrics.counter("litgraph.query.events", "outcome", outcome.name().toLowerCase()).increment();
                return;
            } catch (InvalidEventException e) {
                deadLetter(record, e, event);
                return;
            } catch (Exception e) {
                if (attempt >= config.consumer().maxAttempts()) {
                    deadLetter(record, e, event);
                    return;
                }
                LOG.warnf("storing %s v%d failed (attempt %d), retrying in %d ms: %s", event.documentId(),
                        event.documentVersion(), attempt, backoff, DeadLetters.message(e));
                Thread.sleep(backoff);
                backoff *= 2;
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Exception error, AnnotationEvent event) throws Exception {
        LOG.warnf("dead-lettering %s-%d@%d (key %s): %s", record.topic(), record.partition(), record.offset(),
                record.key(), DeadLetters.message(error));
        String documentId = event == null ? null : event.documentId();
        deadLetters.publish(record, error, documentId == null || documentId.isBlank() ? null : documentId,
                event == null ? null : event.documentVersion());
        metrics.counter("litgraph.query.events", "outcome", "dead_lettered").increment();
    }
}
