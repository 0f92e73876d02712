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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stores annotation events idempotently: per document only the highest version survives, an equal
 * version replaces (so replaying a topic is harmless), a lower one is ignored. The INDEXED status
 * events go into the outbox in the same transaction.
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
        return storeAll(List.of(event)).get(0);
    }

    /**
     * Stores events in one transaction, with exactly the outcome that storing them one after the other
     * in list order would have (the order of a partition): per document the last of the events with the
     * highest version ends up stored, and every event that would have been stored on its turn gets its
     * INDEXED status event. Only the surviving event per document is written, so a document that
     * appears several times in one batch is written once.
     *
     * @return the outcome of each event, in list order
     */
    @Transactional(rollbackOn = Exception.class)
    public List<Outcome> storeAll(List<AnnotationEvent> events) throws SQLException {
        for (AnnotationEvent event : events) {
            EventValidator.check(event);
        }
        Map<String, Integer> stored = writer.lockStoredVersions(events.stream().map(AnnotationEvent::documentId).toList());
        Map<String, Integer> current = new HashMap<>(stored);
        Map<String, AnnotationEvent> survivors = new LinkedHashMap<>();
        List<Outcome> outcomes = new ArrayList<>(events.size());
        List<OutboxRepository.Row> statuses = new ArrayList<>();
        for (AnnotationEvent event : events) {
            Integer version = current.get(event.documentId());
            if (version != null && version > event.documentVersion()) {
                outcomes.add(Outcome.STALE_IGNORED);
                continue;
            }
            current.put(event.documentId(), event.documentVersion());
            // re-inserted at the end: a document's surviving event is written in its own turn's order
            survivors.remove(event.documentId());
            survivors.put(event.documentId(), event);
            outcomes.add(Outcome.STORED);
            statuses.add(indexed(event));
        }
        writer.replace(new ArrayList<>(survivors.values()),
                survivors.keySet().stream().filter(stored::containsKey).toList());
        outbox.addAll(statuses);
        return outcomes;
    }

    private OutboxRepository.Row indexed(AnnotationEvent event) {
        DocumentStatusEvent status = new DocumentStatusEvent(DocumentStatusEvent.SCHEMA_VERSION,
                UUID.randomUUID().toString(), event.documentId(), event.documentVersion(), Instant.now(),
                config.serviceName(), DocumentStatusEvent.Stage.INDEXED, summary(event));
        return new OutboxRepository.Row(Topics.STATUS, event.documentId(), DocumentStatusEvent.TYPE,
                DocumentStatusEvent.SCHEMA_VERSION, status);
    }

    private static String summary(AnnotationEvent event) {
        return size(event.mentions()) + " mentions, " + size(event.concepts()) + " concepts, "
                + size(event.relations()) + " relations";
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }
}
