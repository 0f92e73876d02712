package io.litgraph.ingest.domain;

import io.litgraph.events.DocumentEvent;
import io.litgraph.events.EventJson;
import io.litgraph.events.Topics;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One event waiting to be published (or already published, when {@link #processedAt} is set). */
@Entity
@Table(name = "outbox")
public class OutboxMessage extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String topic;
    @Column(name = "record_key")
    public String recordKey;
    @Column(name = "event_type")
    public String eventType;
    @Column(name = "schema_version")
    public int schemaVersion;
    public byte[] payload;
    @Column(name = "document_id")
    public String documentId;
    @Column(name = "document_version")
    public Integer documentVersion;
    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
    @Column(name = "processed_at")
    public Instant processedAt;
    public int attempts;
    @Column(name = "last_error")
    public String lastError;

    /** The outbox row that publishes {@code event} to the documents topic, keyed by document id. */
    public static OutboxMessage of(DocumentEvent event) {
        OutboxMessage message = new OutboxMessage();
        message.topic = Topics.DOCUMENTS;
        message.recordKey = event.documentId();
        message.eventType = DocumentEvent.TYPE;
        message.schemaVersion = DocumentEvent.SCHEMA_VERSION;
        message.payload = EventJson.write(event);
        message.documentId = event.documentId();
        message.documentVersion = event.version();
        return message;
    }

    public static long backlog() {
        return count("processedAt is null");
    }
}
