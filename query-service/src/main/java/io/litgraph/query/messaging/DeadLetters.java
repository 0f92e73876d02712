package io.litgraph.query.messaging;

import io.litgraph.events.DeadLetterEvent;
import io.litgraph.events.DocumentStatusEvent;
import io.litgraph.events.EventJson;
import io.litgraph.events.Topics;
import io.litgraph.query.config.QueryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Sends a record that could not be stored to the dead-letter topic, verbatim and with the error, plus a
 * FAILED status when the document it belongs to is known. Published directly rather than through the
 * outbox because the database may be the very thing that failed.
 */
@ApplicationScoped
public class DeadLetters {

    private final EventProducer producer;
    private final QueryConfig config;

    public DeadLetters(EventProducer producer, QueryConfig config) {
        this.producer = producer;
        this.config = config;
    }

    public void publish(ConsumerRecord<String, byte[]> record, Throwable error, String documentId, Integer version)
            throws Exception {
        DeadLetterEvent dead = new DeadLetterEvent(DeadLetterEvent.SCHEMA_VERSION, UUID.randomUUID().toString(),
                Instant.now(), config.serviceName(), record.topic(), record.partition(), record.offset(),
                record.key(), DeadLetterEvent.valueText(record.value()), rootCause(error).getClass().getName(), message(error));
        List<EventProducer.Outgoing> out = new ArrayList<>();
        out.add(new EventProducer.Outgoing(Topics.DEAD_LETTER, record.key() == null ? "" : record.key(),
                DeadLetterEvent.TYPE, DeadLetterEvent.SCHEMA_VERSION, EventJson.write(dead)));
        if (documentId != null) {
            DocumentStatusEvent failed = new DocumentStatusEvent(DocumentStatusEvent.SCHEMA_VERSION,
                    UUID.randomUUID().toString(), documentId, version == null ? 0 : version, Instant.now(),
                    config.serviceName(), DocumentStatusEvent.Stage.FAILED, "could not be indexed: " + message(error));
            out.add(new EventProducer.Outgoing(Topics.STATUS, documentId, DocumentStatusEvent.TYPE,
                    DocumentStatusEvent.SCHEMA_VERSION, EventJson.write(failed)));
        }
        producer.sendAll(out);
    }

    static String message(Throwable error) {
        Throwable root = rootCause(error);
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 2000 ? message.substring(0, 2000) + "…" : message;
    }

    private static Throwable rootCause(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
