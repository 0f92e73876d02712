package io.litgraph.entity.mapping;

import io.litgraph.events.AnnotationEvent;
import io.litgraph.events.AnnotationEvent.ConceptPayload;
import io.litgraph.events.AnnotationEvent.EngineInfo;
import io.litgraph.events.AnnotationEvent.MentionPayload;
import io.litgraph.events.AnnotationEvent.RelationPayload;
import io.litgraph.events.AnnotationEvent.SpanPayload;
import io.litgraph.events.DocumentEvent;
import io.litgraph.events.DocumentPayload;
import io.litgraph.events.PassagePayload;
import io.litgraph.nlp.AnnotatedDocument;
import io.litgraph.nlp.InputDocument;
import io.litgraph.nlp.Passage;
import io.litgraph.nlp.Span;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Translates between the event contracts and the engine's types. Pure functions, no state. */
public final class EventMapper {
    public static final String ENGINE_NAME = "litgraph-nlp";

    private EventMapper() {
    }

    /**
     * The passages as the engine sees them. Offsets are taken as they are: ingest-service made them
     * document-global, and every annotation offset must point into the same coordinates.
     *
     * @throws InvalidDocumentException when the event lacks what annotation needs
     */
    public static InputDocument toInput(DocumentEvent event) {
        if (event.documentId() == null || event.documentId().isBlank()) {
            throw new InvalidDocumentException("documentId is missing");
        }
        DocumentPayload document = event.document();
        if (document == null || document.passages() == null) {
            throw new InvalidDocumentException("document " + event.documentId() + " has no passages");
        }
        List<Passage> passages = document.passages().stream()
                .map(p -> toPassage(event.documentId(), p)).toList();
        try {
            return new InputDocument(event.documentId(), passages);
        } catch (IllegalArgumentException e) {
            throw new InvalidDocumentException(e.getMessage());
        }
    }

    private static Passage toPassage(String documentId, PassagePayload p) {
        if (p == null || p.text() == null || p.offset() < 0) {
            throw new InvalidDocumentException("document " + documentId + " has a passage without text or with a negative offset");
        }
        return new Passage(p.type() == null ? "text" : p.type(), p.offset(), p.text());
    }

    public static AnnotationEvent toAnnotationEvent(DocumentEvent source, AnnotatedDocument result, Clock clock) {
        return new AnnotationEvent(AnnotationEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), source.documentId(),
                source.version(), clock.instant(),
                new EngineInfo(ENGINE_NAME, result.engineVersion(), result.vocabularyVersion()),
                source.document(),
                result.sentences().stream().map(EventMapper::span).toList(),
                result.concepts().stream().map(c -> new ConceptPayload(c.id(), c.type().name(), c.name(),
                        c.xrefs() == null ? List.of() : c.xrefs())).toList(),
                result.mentions().stream().map(m -> new MentionPayload(m.start(), m.end(), m.text(), m.type().name(),
                        m.conceptId(), m.negated(), m.speculative())).toList(),
                result.relations().stream().map(r -> new RelationPayload(r.type(), r.subjectId(), r.objectId(),
                        r.directed(), span(r.trigger()), span(r.sentence()), span(r.subject()), span(r.object()),
                        r.negated(), r.speculative(), r.confidence())).toList());
    }

    private static SpanPayload span(Span span) {
        return span == null ? null : new SpanPayload(span.start(), span.end(), span.text());
    }
}
