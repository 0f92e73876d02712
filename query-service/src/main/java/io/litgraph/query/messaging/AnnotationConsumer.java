package io.litgraph.query.messaging;

import io.litgraph.events.AnnotationEvent;
import io.litgraph.events.EventJson;
import io.litgraph.query.config.QueryConfig;
import io.litgraph.query.service.AnnotationStore;
import io.litgraph.query.service.EventValidator;
import io.litgraph.query.service.InvalidEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Consumes {@code litgraph.annotations.v1} a poll's worth of records at a time (the
 * {@link ConsumerRecords} parameter puts the channel in batch mode) and stores them in one transaction:
 * one commit and one WAL flush for the batch instead of one per document. Instances scale by partitions.
 * <ul>
 * <li>Unparseable or invalid events go to the dead-letter topic at once; the rest of the batch goes on.
 * <li>Infrastructure failures (see {@link Failures}) are retried with capped backoff for as long as they
 * last: the batch is not acknowledged, so its partitions wait and nothing is lost or counted twice (the
 * whole transaction rolled back) while PostgreSQL restarts.
 * <li>Any other failure of a batch falls back to one transaction per record, so that only the record at
 * fault is dead-lettered after a few attempts and the others are stored.
 * </ul>
 * The offsets are committed after this method returns.
 */
@ApplicationScoped
public class AnnotationConsumer {
    private static final Logger LOG = Logger.getLogger(AnnotationConsumer.class);

    private record Parsed(ConsumerRecord<String, byte[]> record, AnnotationEvent event) {
    }

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
    public void consume(ConsumerRecords<String, byte[]> records) throws Exception {
        List<ConsumerRecord<String, byte[]>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        consumeAll(list);
    }

    /** The records of one poll, each partition's in offset order. */
    public void consumeAll(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        List<Parsed> valid = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            Parsed parsed = parse(record);
            if (parsed != null) {
                valid.add(parsed);
            }
        }
        if (valid.size() == 1) {
            storeOne(valid.get(0));
        } else if (!valid.isEmpty()) {
            storeBatch(valid);
        }
    }

    private Parsed parse(ConsumerRecord<String, byte[]> record) throws Exception {
        AnnotationEvent event = null;
        try {
            if (record.value() == null) {
                throw new InvalidEventException("record has no value");
            }
            event = EventJson.read(record.value(), AnnotationEvent.class);
            EventValidator.check(event);
            return new Parsed(record, event);
        } catch (RuntimeException e) {
            deadLetter(record, e, event);
            return null;
        }
    }

    private void storeBatch(List<Parsed> batch) throws Exception {
        Backoff backoff = new Backoff(config.consumer());
        for (int attempt = 1; ; attempt++) {
            try {
                List<AnnotationStore.Outcome> outcomes = store.storeAll(batch.stream().map(Parsed::event).toList());
                outcomes.forEach(this::count);
                metrics.summary("litgraph.query.batch.size").record(batch.size());
                if (attempt > 1) {
                    LOG.infof("stored a batch of %d events after %d attempts", batch.size(), attempt);
                }
                return;
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Exception | Error e) {
                if (!Failures.isTransient(e)) {
                    metrics.counter("litgraph.query.batch.fallbacks").increment();
                    LOG.warnf("a batch of %d events failed (%s); storing them one by one",
                            batch.size(), DeadLetters.message(e));
                    for (Parsed parsed : batch) {
                        storeOne(parsed);
                    }
                    return;
                }
                metrics.counter("litgraph.query.store.retries", "cause", "infrastructure").increment();
                LOG.warnf("storing a batch of %d events failed (attempt %d, database unavailable), retrying in %d ms: %s",
                        batch.size(), attempt, backoff.next(), DeadLetters.message(e));
                backoff.sleep();
            }
        }
    }

    /**
     * One event in a transaction of its own. Infrastructure failures are retried for as long as they
     * last; other errors get a few attempts, then the event is dead-lettered.
     */
    private void storeOne(Parsed parsed) throws Exception {
        AnnotationEvent event = parsed.event();
        Backoff backoff = new Backoff(config.consumer());
        int eventFailures = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                count(store.store(event));
                if (attempt > 1) {
                    LOG.infof("stored %s v%d after %d attempts", event.documentId(), event.documentVersion(), attempt);
                }
                return;
            } catch (InvalidEventException e) {
                deadLetter(parsed.record(), e, event);
                return;
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Exception | Error e) {
                // Error too: pgjdbc throws an AssertionError (cause: the closed connection) when the
                // server goes away in the middle of a batch
                boolean infrastructure = Failures.isTransient(e);
                if (!infrastructure && ++eventFailures >= config.consumer().maxAttempts()) {
                    deadLetter(parsed.record(), e, event);
                    return;
                }
                metrics.counter("litgraph.query.store.retries", "cause", infrastructure ? "infrastructure" : "other")
                        .increment();
                LOG.warnf("storing %s v%d failed (attempt %d, %s), retrying in %d ms: %s", event.documentId(),
                        event.documentVersion(), attempt, infrastructure ? "database unavailable" : "error",
                        backoff.next(), DeadLetters.message(e));
                backoff.sleep();
            }
        }
    }

    private void count(AnnotationStore.Outcome outcome) {
        metrics.counter("litgraph.query.events", "outcome", outcome.name().toLowerCase()).increment();
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
