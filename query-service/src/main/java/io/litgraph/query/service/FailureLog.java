package io.litgraph.query.service;

import io.litgraph.events.DeadLetterEvent;
import io.litgraph.events.DocumentStatusEvent;
import io.litgraph.events.Topics;
import io.litgraph.query.config.QueryConfig;
import io.litgraph.query.repository.FailureRepository;
import io.litgraph.query.repository.FailureRepository.NewFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.time.Instant;

/**
 * Keeps the pipeline's recent failures from the status and dead-letter topics: FAILED statuses and dead
 * letters are added (once per event id, so replays change nothing), an INDEXED status resolves its
 * document's earlier failures, and only the newest {@code litgraph.query.failures.max-stored} are kept.
 */
@ApplicationScoped
public class FailureLog {

    /** What one event did to the log, for the consumer's metrics. */
    public enum Outcome { ADDED, DUPLICATE, RESOLVED, ALREADY_RESOLVED, IGNORED }

    private final FailureRepository failures;
    private final QueryConfig config;

    public FailureLog(FailureRepository failures, QueryConfig config) {
        this.failures = failures;
        this.config = config;
    }

    @Transactional(rollbackOn = Exception.class)
    public Outcome status(DocumentStatusEvent event) throws SQLException {
        if (event.documentId() == null || event.documentId().isBlank() || event.stage() == null) {
            return Outcome.IGNORED;
        }
        Instant at = event.occurredAt() == null ? Instant.now() : event.occurredAt();
        return switch (event.stage()) {
            case INDEXED -> {
                failures.clear(event.documentId(), event.documentVersion(), at);
                yield Outcome.RESOLVED;
            }
            case FAILED -> add(new NewFailure(event.eventId(), "status", event.documentId(), event.documentVersion(),
                    event.service(), stageOfService(event.service()), reason(event.detail()), null, null, null, null, at));
            case ANNOTATED -> Outcome.IGNORED;
        };
    }

    @Transactional(rollbackOn = Exception.class)
    public Outcome deadLetter(DeadLetterEvent event) throws SQLException {
        Instant at = event.occurredAt() == null ? Instant.now() : event.occurredAt();
        // records are keyed by document id; a blank key names no document
        String documentId = event.key() == null || event.key().isBlank() ? null : event.key();
        if (documentId != null && failures.indexedAfter(documentId, at)) {
            return Outcome.ALREADY_RESOLVED;
        }
        String reason = event.errorMessage() == null || event.errorMessage().isBlank()
                ? String.valueOf(event.errorClass()) : event.errorMessage();
        return add(new NewFailure(event.eventId(), "dead-letter", documentId, null, event.service(),
                stageOfTopic(event.sourceTopic(), event.service()), reason(reason), event.errorClass(),
                event.sourceTopic(), event.sourcePartition(), event.sourceOffset(), at));
    }

    private Outcome add(NewFailure failure) throws SQLException {
        if (failure.eventId() == null || failure.eventId().isBlank()) {
            return Outcome.IGNORED;
        }
        if (!failures.insert(failure)) {
            return Outcome.DUPLICATE;
        }
        failures.trim(config.failures().maxStored());
        return Outcome.ADDED;
    }

    /** The stage a record on {@code topic} was in when its consumer gave up on it. */
    static String stageOfTopic(String topic, String service) {
        if (Topics.DOCUMENTS.equals(topic)) {
            return "annotation";
        }
        if (Topics.ANNOTATIONS.equals(topic)) {
            return "indexing";
        }
        if (Topics.STATUS.equals(topic)) {
            return "status";
        }
        return stageOfService(service);
    }

    static String stageOfService(String service) {
        if (service == null || service.isBlank()) {
            return "unknown";
        }
        return switch (service) {
            case "entity-service" -> "annotation";
            case "query-service" -> "indexing";
            case "ingest-service" -> "ingest";
            default -> service;
        };
    }

    private static String reason(String text) {
        if (text == null || text.isBlank()) {
            return "no reason given";
        }
        return text.length() > 4000 ? text.substring(0, 4000) + "…" : text;
    }
}
