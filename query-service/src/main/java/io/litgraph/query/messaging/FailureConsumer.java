package io.litgraph.query.messaging;

import io.litgraph.events.DeadLetterEvent;
import io.litgraph.events.DocumentStatusEvent;
import io.litgraph.events.EventJson;
import io.litgraph.events.Topics;
import io.litgraph.query.config.QueryConfig;
import io.litgraph.query.service.FailureLog;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Learns of pipeline failures the way every service learns anything from another: from the topics.
 * Consumes {@code litgraph.document-status.v1} and {@code litgraph.dead-letter.v1} in its own group
 * ({@code query-service-failures}) into {@link FailureLog}. A record it cannot read is logged and
 * skipped rather than dead-lettered: it stays on its topic for the consumers it is meant for, and
 * dead-lettering a dead letter would feed this very consumer. A database outage is waited out as in
 * {@link AnnotationConsumer}; any other storage error gets {@code max-attempts} tries, then the record is
 * skipped (the status page then misses one failure; the pipeline loses nothing).
 */
@ApplicationScoped
public class FailureConsumer {
    private static final Logger LOG = Logger.getLogger(FailureConsumer.class);

    private final FailureLog log;
    private final QueryConfig config;
    private final MeterRegistry metrics;

    public FailureConsumer(FailureLog log, QueryConfig config, MeterRegistry metrics) {
        this.log = log;
        this.config = config;
        this.metrics = metrics;
    }

    @Incoming("failures")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        boolean deadLetter = Topics.DEAD_LETTER.equals(record.topic());
        Object event;
        try {
            if (record.value() == null) {
                throw new IllegalArgumentException("record has no value");
            }
            event = deadLetter ? EventJson.read(record.value(), DeadLetterEvent.class)
                    : EventJson.read(record.value(), DocumentStatusEvent.class);
        } catch (RuntimeException e) {
            LOG.warnf("skipping unreadable %s-%d@%d (key %s): %s", record.topic(), record.partition(), record.offset(),
                    record.key(), DeadLetters.message(e));
            count("unreadable");
            return;
        }
        Backoff backoff = new Backoff(config.consumer());
        int failures = 0;
        while (true) {
            try {
                FailureLog.Outcome outcome = deadLetter ? log.deadLetter((DeadLetterEvent) event)
                        : log.status((DocumentStatusEvent) event);
                count(outcome.name().toLowerCase());
                return;
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Exception | Error e) {
                boolean infrastructure = Failures.isTransient(e);
                if (!infrastructure && ++failures >= config.consumer().maxAttempts()) {
                    LOG.errorf("giving up on %s-%d@%d (key %s) after %d attempts: %s", record.topic(),
                            record.partition(), record.offset(), record.key(), failures, DeadLetters.message(e));
                    count("skipped");
                    return;
                }
                LOG.warnf("recording %s-%d@%d failed (%s), retrying in %d ms: %s", record.topic(), record.partition(),
                        record.offset(), infrastructure ? "database unavailable" : "error", backoff.next(), DeadLetters.message(e));
                backoff.sleep();
            }
        }
    }

    private void count(String outcome) {
        metrics.counter("litgraph.query.failure.events", "outcome", outcome).increment();
    }
}
