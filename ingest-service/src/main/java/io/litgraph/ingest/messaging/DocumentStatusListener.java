package io.litgraph.ingest.messaging;

import io.litgraph.events.DocumentStatusEvent;
import io.litgraph.events.EventJson;
import io.litgraph.ingest.service.StatusService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code litgraph.document-status.v1}. A record that cannot be read goes to the dead-letter
 * topic instead of stopping the channel. Any other failure (e.g. the database is briefly away) is retried
 * with back-off, holding the partition so later statuses do not overtake it; if it persists, the failure
 * propagates: the channel fails, readiness turns DOWN, and the uncommitted record is consumed again
 * after a restart rather than lost.
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
    public void onStatus(ConsumerRecord<String, byte[]> record) {
        DocumentStatusEvent event;
        try {
            event = EventJson.read(record.value(), DocumentStatusEvent.class);
            if (event.documentId() == null || event.stage() == null) {
                throw new IllegalArgumentException("documentId and stage are required");
            }
        } catch (RuntimeException e) {
            LOG.warnf("unreadable status record %s-%d@%d sent to the dead-letter topic: %s",
                    record.topic(), record.partition(), record.offset(), e.getMessage());
            status.deadLetter(record.topic(), record.partition(), record.offset(), record.key(), record.value(), e);
            return;
        }
        applyWithRetry(event);
    }

    private void applyWithRetry(DocumentStatusEvent event) {
        long delayMillis = 200;
        for (int attempt = 1; ; attempt++) {
            try {
                status.apply(event);
                return;
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("status for %s v%d not applied (attempt %d): %s; retrying in %d ms",
                        event.documentId(), event.documentVersion(), attempt, e.getMessage(), delayMillis);
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
