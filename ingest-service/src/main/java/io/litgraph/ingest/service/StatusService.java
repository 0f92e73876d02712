package io.litgraph.ingest.service;

import io.litgraph.events.DeadLetterEvent;
import io.litgraph.events.DocumentStatusEvent;
import io.litgraph.events.EventJson;
import io.litgraph.events.Topics;
import io.litgraph.ingest.domain.DocumentEntity;
import io.litgraph.ingest.domain.OutboxMessage;
import io.litgraph.ingest.domain.Stage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Moves documents through their stages. Applying the same event twice changes nothing (stages only move
 * forward), which makes the status consumer idempotent without a message log.
 */
@ApplicationScoped
@Transactional
public class StatusService {
    private static final Logger LOG = Logger.getLogger(StatusService.class);

    /** Called by the relay once the broker acknowledged the document's event. */
    public void markPublished(String documentId, int version) {
        advance(documentId, version, Stage.PUBLISHED, null, Instant.now());
    }

    public void apply(DocumentStatusEvent event) {
        if (event.documentId() == null || event.stage() == null) {
            throw new IllegalArgumentException("status event without documentId or stage");
        }
        Stage target = Stage.valueOf(event.stage().name());
        String detail = event.detail();
        if (event.service() != null && target == Stage.FAILED) {
            detail = event.service() + ": " + (detail == null ? "failed" : detail);
        }
        advance(event.documentId(), event.documentVersion(), target, detail,
                event.occurredAt() == null ? Instant.now() : event.occurredAt());
    }

    private void advance(String documentId, int version, Stage target, String detail, Instant at) {
        DocumentEntity doc = DocumentEntity.findById(documentId, LockModeType.PESSIMISTIC_WRITE);
        if (doc == null || doc.version != version) {
            // a status for an older (or unknown) version says nothing about the current one
            LOG.debugf("ignoring %s for %s v%d (current: %s)", target, documentId, version,
                    doc == null ? "unknown" : "v" + doc.version);
            return;
        }
        if (doc.stage.canAdvanceTo(target)) {
            doc.moveTo(target, detail, at);
        }
    }

    /** Records an unreadable status record for operators, through the outbox like every other event. */
    public void deadLetter(String sourceTopic, int partition, long offset, String key, byte[] value, Exception error) {
        DeadLetterEvent event = new DeadLetterEvent(DeadLetterEvent.SCHEMA_VERSION, UUID.randomUUID().toString(),
                Instant.now(), "ingest-service", sourceTopic, partition, offset, key,
                value == null ? null : asText(value), error.getClass().getName(), error.getMessage());
        OutboxMessage message = new OutboxMessage();
        message.topic = Topics.DEAD_LETTER;
        message.recordKey = key == null ? "" : key;
        message.eventType = DeadLetterEvent.TYPE;
        message.schemaVersion = DeadLetterEvent.SCHEMA_VERSION;
        message.payload = EventJson.write(event);
        message.persist();
    }

    private static String asText(byte[] value) {
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(value)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return java.util.Base64.getEncoder().encodeToString(value);
        }
    }
}
