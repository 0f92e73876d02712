package io.litgraph.ingest.service;

import io.litgraph.events.DeadLetterEvent;
import io.litgraph.events.DocumentStatusEvent;
import io.litgraph.events.EventJson;
import io.litgraph.events.Topics;
import io.litgraph.ingest.domain.OutboxMessage;
import io.litgraph.ingest.domain.Stage;
import io.litgraph.ingest.repository.StatusStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Moves documents through their stages. Applying the same event twice changes nothing (stages only move
 * forward, {@link Stage#canAdvanceTo}), which makes the status consumer idempotent without a message log.
 */
@ApplicationScoped
@Transactional
public class StatusService {
    private static final Logger LOG = Logger.getLogger(StatusService.class);

    private final StatusStore store;

    public StatusService(StatusStore store) {
        this.store = store;
    }

    public void apply(DocumentStatusEvent event) {
        applyAll(List.of(event));
    }

    /**
     * Applies the events in one transaction, leaving every document exactly as applying them one by one in
     * this order would: the stored stage is locked, every event is checked against the stage the earlier
     * events of the batch left ({@link Stage#canAdvanceTo}, so e.g. INDEXED then FAILED ends INDEXED but
     * FAILED then INDEXED ends FAILED), and only the final stage of each document is written.
     */
    public void applyAll(List<DocumentStatusEvent> events) {
        for (DocumentStatusEvent event : events) {
            if (event.documentId() == null || event.stage() == null) {
                throw new IllegalArgumentException("status event without documentId or stage");
            }
        }
        Map<String, StatusStore.Current> current = store.lockCurrent(events.stream()
                .map(e -> new StatusStore.VersionKey(e.documentId(), e.documentVersion())).toList());
        Map<String, StatusStore.StageChange> changes = new LinkedHashMap<>();
        for (DocumentStatusEvent event : events) {
            StatusStore.Current doc = current.get(event.documentId());
            Stage target = Stage.valueOf(event.stage().name());
            if (doc == null || doc.version() != event.documentVersion()) {
                // a status for an older (or unknown) version says nothing about the current one
                LOG.debugf("ignoring %s for %s v%d (current: %s)", target, event.documentId(), event.documentVersion(),
                        doc == null ? "unknown" : "v" + doc.version());
                continue;
            }
            if (doc.stage().canAdvanceTo(target)) {
                current.put(event.documentId(), new StatusStore.Current(doc.version(), target));
                changes.put(event.documentId(), new StatusStore.StageChange(event.documentId(), doc.version(), target,
                        detail(event, target), event.occurredAt() == null ? Instant.now() : event.occurredAt()));
            }
        }
        store.apply(changes.values());
    }

    private static String detail(DocumentStatusEvent event, Stage target) {
        if (event.service() != null && target == Stage.FAILED) {
            return event.service() + ": " + (event.detail() == null ? "failed" : event.detail());
        }
        return event.detail();
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
