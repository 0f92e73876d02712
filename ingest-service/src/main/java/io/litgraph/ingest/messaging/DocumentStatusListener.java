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
 * topic instead of stopping the channel. Any other failure (e.g. the database is down) propagates: the
 * channel fails, readiness turns DOWN, and the uncommitted record is consumed again after a restart
 * rather than lost.
 */
@ApplicationScoped
public class DocumentStatusListener {
    private static final Logger LOG = Logger.getLogger(DocumentStatusListener.class);

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
        status.apply(event);
    }
}
