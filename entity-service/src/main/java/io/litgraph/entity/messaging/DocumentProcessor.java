package io.litgraph.entity.messaging;

import io.litgraph.entity.mapping.EventMapper;
import io.litgraph.entity.mapping.InvalidDocumentException;
import io.litgraph.entity.service.AnnotationService;
import io.litgraph.entity.service.EngineUnavailableException;
import io.litgraph.events.AnnotationEvent;
import io.litgraph.events.DeadLetterEvent;
import io.litgraph.events.DocumentEvent;
import io.litgraph.events.DocumentStatusEvent;
import io.litgraph.events.DocumentStatusEvent.Stage;
import io.litgraph.events.EventJson;
import io.litgraph.nlp.AnnotatedDocument;
import io.litgraph.nlp.InputDocument;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Handles one record of {@code litgraph.documents.v1}: annotate, publish the annotations and an ANNOTATED
 * status. A record that can never succeed (unparseable, invalid, the engine throws, the output is
 * rejected by the broker as such) goes to the dead-letter topic with a FAILED status instead, so one bad
 * record never stops the partition. Whatever the engine throws for one document counts, an {@link Error}
 * (StackOverflowError, OutOfMemoryError) as much as an exception: left unhandled it would hold the record
 * unacknowledged and its lane's slot forever. The returned stage completes when everything published is
 * acknowledged; only then may the input offset be committed.
 */
@ApplicationScoped
public class DocumentProcessor {
    static final String SERVICE = "entity-service";
    private static final Logger LOG = Logger.getLogger(DocumentProcessor.class);
    private static final int MAX_DETAIL_LENGTH = 500;

    private final AnnotationService annotation;
    private final EventPublisher publisher;
    private final Clock clock = Clock.systemUTC();

    public DocumentProcessor(AnnotationService annotation, EventPublisher publisher) {
        this.annotation = annotation;
        this.publisher = publisher;
    }

    /** Where a record came from, for the dead-letter event. */
    public record Source(String topic, int partition, long offset) {
    }

    public CompletionStage<Void> process(String key, byte[] value, Source source) {
        DocumentEvent event;
        InputDocument input;
        try {
            if (value == null) {
                throw new InvalidDocumentException("record has no value");
            }
            event = EventJson.read(value, DocumentEvent.class);
            if (event == null) {
                throw new InvalidDocumentException("record value is JSON null");
            }
        } catch (Throwable e) {
            Throwable error = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
            // no status: without a parsed event neither the id nor the version is known for sure
            return deadLetter(key, value, source, error, null, 0);
        }
        try {
            input = EventMapper.toInput(event);
        } catch (Throwable e) {
            return deadLetter(key, value, source, e, event.documentId(), event.version());
        }
        AnnotatedDocument result;
        try {
            result = annotation.annotate(input, AnnotationService.SOURCE_KAFKA);
        } catch (EngineUnavailableException e) {
            return CompletableFuture.failedStage(e);
        } catch (Throwable e) {
            return deadLetter(key, value, source, e, event.documentId(), event.version());
        }
        AnnotationEvent annotated;
        try {
            annotated = EventMapper.toAnnotationEvent(event, result, clock);
        } catch (Throwable e) {
            // the engine's output cannot be turned into an event: as much this document's fault as the engine's
            return deadLetter(key, value, source, e, event.documentId(), event.version());
        }
        return publishAnnotations(event, annotated, result)
                .exceptionallyCompose(failure -> {
                    Throwable cause = unwrap(failure);
                    if (isPermanent(cause)) {
                        return deadLetter(key, value, source, cause, event.documentId(), event.version());
                    }
                    return CompletableFuture.failedStage(cause);
                });
    }

    private CompletionStage<Void> publishAnnotations(DocumentEvent event, AnnotationEvent annotated, AnnotatedDocument result) {
        CompletionStage<Void> annotations = publisher.publish(EventPublisher.ANNOTATIONS, event.documentId(),
                AnnotationEvent.TYPE, AnnotationEvent.SCHEMA_VERSION, annotated);
        // the status follows the annotations: ANNOTATED must never be visible for output that was lost
        return annotations.thenCompose(ignored -> status(event.documentId(), event.version(), Stage.ANNOTATED,
                result.mentions().size() + " mentions, " + result.relations().size() + " relations"));
    }

    private CompletionStage<Void> deadLetter(String key, byte[] value, Source source, Throwable error,
                                             String documentId, int documentVersion) {
        LOG.warnf("dead-lettering %s-%d@%d (key %s): %s", source.topic(), source.partition(), source.offset(), key, error);
        DeadLetterEvent dead = new DeadLetterEvent(DeadLetterEvent.SCHEMA_VERSION, UUID.randomUUID().toString(),
                clock.instant(), SERVICE, source.topic(), source.partition(), source.offset(), key, DeadLetterEvent.valueText(value),
                error.getClass().getName(), truncate(String.valueOf(error.getMessage())));
        CompletionStage<Void> dlq = publisher.publish(EventPublisher.DEAD_LETTER, key, DeadLetterEvent.TYPE,
                DeadLetterEvent.SCHEMA_VERSION, dead);
        if (documentId == null || documentId.isBlank() || documentVersion < 1) {
            return dlq;
        }
        String reason = truncate(error.getClass().getSimpleName() + ": " + error.getMessage());
        return dlq.thenCompose(ignored -> status(documentId, documentVersion, Stage.FAILED, reason));
    }

    private CompletionStage<Void> status(String documentId, int version, Stage stage, String detail) {
        DocumentStatusEvent status = new DocumentStatusEvent(DocumentStatusEvent.SCHEMA_VERSION,
                UUID.randomUUID().toString(), documentId, version, clock.instant(), SERVICE, stage, detail);
        return publisher.publish(EventPublisher.STATUS, documentId, DocumentStatusEvent.TYPE,
                DocumentStatusEvent.SCHEMA_VERSION, status);
    }

    /** Broker errors that a retry cannot fix (record too large, invalid record): treat the input as poison. */
    private static boolean isPermanent(Throwable failure) {
        return failure instanceof ApiException && !(failure instanceof RetriableException);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String truncate(String s) {
        return s.length() <= MAX_DETAIL_LENGTH ? s : s.substring(0, MAX_DETAIL_LENGTH) + "…";
    }
}
