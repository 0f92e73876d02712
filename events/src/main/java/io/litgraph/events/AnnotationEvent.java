package io.litgraph.events;

import java.time.Instant;
import java.util.List;

/**
 * Topic {@link Topics#ANNOTATIONS}, key = documentId. Carries the document it annotates so that a
 * consumer needs no second source; a newer {@code documentVersion} replaces all older annotations.
 */
public record AnnotationEvent(int schemaVersion, String eventId, String documentId, int documentVersion,
                              Instant occurredAt, EngineInfo engine, DocumentPayload document,
                              List<SpanPayload> sentences, List<ConceptPayload> concepts,
                              List<MentionPayload> mentions, List<RelationPayload> relations) {
    public static final int SCHEMA_VERSION = 1;
    public static final String TYPE = "DocumentAnnotated";

    /** Which engine and vocabulary produced the annotations. */
    public record EngineInfo(String name, String version, String vocabularyVersion) {
    }

    public record SpanPayload(int start, int end, String text) {
    }

    /** A normalized concept: CURIE id, entity type, preferred name, cross-reference CURIEs. */
    public record ConceptPayload(String id, String type, String name, List<String> xrefs) {
    }

    /** @param conceptId null when the type is known but the identifier is not */
    public record MentionPayload(int start, int end, String text, String type, String conceptId,
                                 boolean negated, boolean speculative) {
    }

    public record RelationPayload(String type, String subjectId, String objectId, boolean directed,
                                  SpanPayload trigger, SpanPayload sentence, SpanPayload subject,
                                  SpanPayload object, boolean negated, boolean speculative,
                                  double confidence) {
    }
}
