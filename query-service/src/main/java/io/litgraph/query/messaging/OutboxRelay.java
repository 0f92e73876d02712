package io.litgraph.query.messaging;

import io.litgraph.query.config.QueryConfig;
import io.litgraph.query.repository.OutboxRepository;
import io.litgraph.query.repository.OutboxRepository.OutboxRecord;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Publishes outbox rows in id order and deletes them in the same transaction that locked them. A crash
 * between the broker's acknowledgement and the commit publishes a row again: at-least-once, which the
 * consumers of these topics tolerate (status events are idempotent by document id + version).
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository outbox;
    private final EventProducer producer;
    private final QueryConfig config;

    public OutboxRelay(OutboxRepository outbox, EventProducer producer, QueryConfig config) {
        this.outbox = outbox;
        this.producer = producer;
        this.config = config;
    }

    @Scheduled(every = "${litgraph.query.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        try {
            while (publishBatch() == config.outbox().batchSize()) {
                // a full batch means more may be waiting
            }
        } catch (Exception e) {
            LOG.warnf("outbox relay round failed, will retry: %s", e.toString());
        }
    }

    /** One batch in one transaction; returns how many rows were published. */
    @Transactional(rollbackOn = Exception.class)
    int publishBatch() throws Exception {
        List<OutboxRecord> records = outbox.lockOldest(config.outbox().batchSize());
        if (records.isEmpty()) {
            return 0;
        }
        producer.sendAll(records.stream().map(r -> new EventProducer.Outgoing(r.topic(), r.key(), r.eventType(),
                r.schemaVersion(), r.payload())).toList());
        outbox.delete(records.stream().map(OutboxRecord::id).toList());
        return records.size();
    }
}
