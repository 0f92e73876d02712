package io.litgraph.query.service;

import io.litgraph.events.AnnotationEvent;
import io.litgraph.events.DocumentStatusEvent;
import io.litgraph.events.Topics;
import io.litgraph.query.config.QueryConfig;
import io.litgraph.query.repository.AnnotationWriter;
import io.litgraph.query.repository.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Stores annotation events idempotently: per document only the highest version survives, an equal
 * version replaces (so replaying a topic is harmless), a lower one is ignored. The INDEXED status
 * event goes into the outbox in the same transaction.
 */
@ApplicationScoped
public class AnnotationStore {

    public enum Outcome { STORED, STALE_IGNORED }

    private final AnnotationWriter writer;
    private final OutboxRepository outbox;
    private final QueryConfig config;

    public AnnotationStore(AnnotationWriter writer, OutboxRepository outbox, QueryConfig config) {
        this.writer = writer;
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional(rollbackOn = Exception.class)
    public Outcome store(AnnotationEvent event) throws SQLException {
        EventValidator.check(event);
        writer.lockDocumentKey(event.documentId());
        OptionalInt stored = writer.lockStoredVersion(event.documentId());
        if (stored.isPresent() && stored.getAsInt() > event.documentVersion()) {
            return Outcome.STALE_IGNORED;
        }
        writer.replace(event, stored.isPresent());
        DocumentStatusEvent status = new DocumentStatusEvent(DocumentStatusEvent.SCHEMA_VERSION,
                UUID.randomUUID().toString(), event.documentId(), event.documentVersion(), Instant.now(),
                config.serviceName(), DocumentStatusEvent.Stage.INDEXED, summary(event));
        outbox.add(Topics.STATUS, event.documentId(), DocumentStatusEvent.TYPE, DocumentStatusEvent.SCHEMA_VERSION, status);
        return Outcome.STORED;
    }

    private static String summary(AnnotationEvent event) {
        return size(event.mentions()) + " mentions, " + size(event.concepts()) + " concepts, "
                + size(event.relations()) + " relations";
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }
}
