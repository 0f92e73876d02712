package io.litgraph.events;

/**
 * The Kafka topics litgraph uses. Every record on them is keyed by document id, so all events of one
 * document land on one partition and stay in order. docs/EVENTS.md is the consumer-facing description.
 */
public final class Topics {
    /** ingest-service → entity-service: a document was accepted (or a new version of it). */
    public static final String DOCUMENTS = "litgraph.documents.v1";
    /** entity-service → query-service: the engine's annotations of one document version. */
    public static final String ANNOTATIONS = "litgraph.annotations.v1";
    /** entity-service and query-service → ingest-service: how far a document version has got. */
    public static final String STATUS = "litgraph.document-status.v1";
    /** Any consumer → operators: events that could not be processed, with the error. */
    public static final String DEAD_LETTER = "litgraph.dead-letter.v1";

    /** Header names carried by every litgraph event. */
    public static final String HEADER_SCHEMA_VERSION = "litgraph-schema-version";
    public static final String HEADER_EVENT_TYPE = "litgraph-event-type";

    private Topics() {
    }
}
