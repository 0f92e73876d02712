package io.litgraph.ingest.service;

import io.litgraph.events.DocumentEvent;
import io.litgraph.events.EventJson;
import io.litgraph.ingest.domain.DocumentEntity;
import io.litgraph.ingest.domain.OutboxMessage;
import io.litgraph.ingest.domain.Stage;
import io.litgraph.ingest.format.Format;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Stores accepted documents and their DocumentEvent in one transaction (the outbox), deciding on the way
 * whether a submission is new, a new version of a known id, or a duplicate.
 */
@ApplicationScoped
@Transactional
public class DocumentService {
    private final MeterRegistry meters;

    public DocumentService(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Several documents in one transaction: one commit instead of many. All or nothing. */
    public List<Submission> submitAll(List<AssembledDocument> docs, Format format, List<List<String>> warnings) {
        List<Submission> results = new java.util.ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            results.add(submit(docs.get(i), format, warnings.get(i)));
        }
        return results;
    }

    public Submission submit(AssembledDocument doc, Format format, List<String> warnings) {
        Submission result = doc.clientId() != null ? submitWithClientId(doc, format, warnings)
                : submitByContent(doc, format, warnings);
        meters.counter("litgraph.ingest.documents", "format", format.label(),
                "outcome", result.duplicate() ? "duplicate" : result.version() > 1 ? "new-version" : "accepted").increment();
        return result;
    }

    private Submission submitByContent(AssembledDocument doc, Format format, List<String> warnings) {
        var known = DocumentEntity.findByContentHash(doc.contentHash());
        if (known.isPresent()) {
            return duplicate(known.get(), warnings);
        }
        return submitWithId(doc.derivedId(), doc, format, warnings);
    }

    private Submission submitWithClientId(AssembledDocument doc, Format format, List<String> warnings) {
        return submitWithId(doc.clientId(), doc, format, warnings);
    }

    private Submission submitWithId(String id, AssembledDocument doc, Format format, List<String> warnings) {
        lock(id);
        DocumentEntity existing = DocumentEntity.findById(id);
        if (existing != null && existing.contentHash.equals(doc.contentHash())) {
            return duplicate(existing, warnings);
        }
        Instant now = Instant.now();
        DocumentEntity entity = existing != null ? existing : new DocumentEntity();
        if (existing == null) {
            entity.id = id;
            entity.version = 1;
            entity.createdAt = now;
        } else {
            entity.version = existing.version + 1;
        }
        entity.contentHash = doc.contentHash();
        entity.format = format.label();
        entity.title = doc.payload().title();
        entity.payload = new String(EventJson.write(doc.payload()), java.nio.charset.StandardCharsets.UTF_8);
        entity.updatedAt = now;
        entity.moveTo(Stage.ACCEPTED, null, now);
        if (existing == null) {
            entity.persist();
        }
        enqueue(new DocumentEvent(DocumentEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), id, entity.version,
                now, doc.contentHash(), doc.payload()));
        return new Submission(id, entity.version, Stage.ACCEPTED, false, warnings);
    }

    private static Submission duplicate(DocumentEntity existing, List<String> warnings) {
        return new Submission(existing.id, existing.version, existing.stage, true, warnings);
    }

    /** Serializes submissions of one id across transactions and instances, so versions never collide. */
    private static void lock(String id) {
        DocumentEntity.getEntityManager()
                .createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, id)
                .getSingleResult();
    }

    private static void enqueue(DocumentEvent event) {
        OutboxMessage.of(event).persist();
    }
}
