package io.litgraph.ingest.messaging;

import io.litgraph.events.DocumentStatusEvent;
import io.litgraph.events.EventJson;
import io.litgraph.ingest.service.StatusService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Consumes {@code litgraph.document-status.v1} a poll's worth of records at a time (the
 * {@link ConsumerRecords} parameter puts the channel in batch mode) and applies them in one transaction:
 * every document gets two status events, and one commit per poll instead of one per event is most of
 * what this listener costs.
 * <ul>
 * <li>A record that cannot be read goes to the dead-letter topic; the rest of the batch goes on.
 * <li>Any other failure (e.g. the database is briefly away, or a deadlock with a submission) rolls the
 * whole batch back and is retried with back-off, holding the partitions so later statuses do not overtake
 * it. If it persists, the failure propagates: the channel fails, readiness turns DOWN, and the batch, whose
 * offsets were never committed, is consumed again after a restart rather than lost.
 * </ul>
 */
@ApplicationScoped
public class DocumentStatusListener {
    private static final Logger LOG = Logger.getLogger(DocumentStatusListener.class);
    /** About a minute of retries in all: well inside the consumer's max.poll.interval.ms. */
    private static final int MAX_ATTEMPTS = 15;

    private final StatusService status;

    public DocumentStatusListener(StatusService status) {
        this.status = status;
    }

    @Incoming("document-status")
    @Blocking
    public void onStatus(ConsumerRecords<String, byte[]> records) {
        List<DocumentStatusEvent> events = new ArrayList<>(records.count());
        // each partition's records in offset order; all events of a document share its partition
        for (ConsumerRecord<String, byte[]> record : records) {
            DocumentStatusEvent event = parse(record);
            if (event != null) {
                events.add(event);
            }
        }
        if (!events.isEmpty()) {
            applyWithRetry(events);
        }
    }

    private DocumentStatusEvent parse(ConsumerRecord<String, byte[]> record) {
        try {
            DocumentStatusEvent event = EventJson.read(record.value(), DocumentStatusEvent.class);
            if (event.documentId() == null || event.stage() == null) {
                throw new IllegalArgumentException("documentId and stage are required");
            }
            return event;
        } catch (RuntimeException e) {
            LOG.warnf("unreadable status record %s-%d@%d sent to the dead-letter topic: %s",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            status.deadLetter(record.topic(), record.partition(), record.offset(), record.key(), record.value(), e);
            return null;
        }
    }

    private void applyWithRetry(List<DocumentStatusEvent> events) {
        long delayMillis = 200;
        for (int attempt = 1; ; attempt++) {
            try {
                status.applyAll(events);
                return;
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("a batch of %d status events not applied (attempt %d): %s; retrying in %d ms",
                        events.size(), attempt, e.getMessage(), delayMillis);
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                delayMillis = Math.min(delayMillis * 2, 5_000);
            }
        }
    }
}
