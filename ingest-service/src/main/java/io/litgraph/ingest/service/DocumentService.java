package io.litgraph.ingest.service;

import io.litgraph.events.DocumentEvent;
import io.litgraph.events.EventJson;
import io.litgraph.events.Topics;
import io.litgraph.ingest.domain.Stage;
import io.litgraph.ingest.format.Format;
import io.litgraph.ingest.repository.DocumentStore;
import io.litgraph.ingest.repository.DocumentStore.DocumentRow;
import io.litgraph.ingest.repository.DocumentStore.OutboxRow;
import io.litgraph.ingest.repository.DocumentStore.Stored;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stores accepted documents and their DocumentEvent in one transaction (the outbox), deciding on the way
 * whether a submission is new, a new version of a known id, or a duplicate. A chunk of documents is
 * decided in memory against one look-up of its ids and content hashes, so earlier documents of the chunk
 * count for later ones exactly as if they had been submitted one after the other.
 */
@ApplicationScoped
@Transactional
public class DocumentService {
    private final DocumentStore store;
    private final MeterRegistry meters;

    public DocumentService(DocumentStore store, MeterRegistry meters) {
        this.store = store;
        this.meters = meters;
    }

    public Submission submit(AssembledDocument doc, Format format, List<String> warnings) {
        return submitAll(List.of(doc), format, List.of(warnings)).get(0);
    }

    /** Several documents in one transaction: a fixed number of statements for the whole chunk. All or nothing. */
    public List<Submission> submitAll(List<AssembledDocument> docs, Format format, List<List<String>> warnings) {
        // Lock first, look up second: once an id is locked nobody else can store it until we commit.
        Set<String> ids = new LinkedHashSet<>();
        Set<String> hashes = new LinkedHashSet<>();
        for (AssembledDocument doc : docs) {
            ids.add(doc.clientId() != null ? doc.clientId() : doc.derivedId());
            if (doc.clientId() == null) {
                hashes.add(doc.contentHash());
            }
        }
        store.lockIds(ids);
        Map<String, Stored> byId = store.findByIds(ids);
        Map<String, List<Stored>> byHash = store.findByContentHashes(hashes);

        Instant now = Instant.now();
        Map<String, DocumentRow> rows = new LinkedHashMap<>();
        List<OutboxRow> events = new ArrayList<>();
        List<Submission> results = new ArrayList<>(docs.size());
        Map<String, Integer> outcomes = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            AssembledDocument doc = docs.get(i);
            Stored sameContent = doc.clientId() == null ? firstWithHash(doc.contentHash(), byHash, byId) : null;
            String id = doc.clientId() != null ? doc.clientId() : doc.derivedId();
            Stored existing = sameContent != null ? sameContent : byId.get(id);
            Submission result;
            if (existing != null && existing.contentHash().equals(doc.contentHash())) {
                result = new Submission(existing.id(), existing.version(), existing.stage(), true, warnings.get(i),
                        doc.sanitized());
            } else {
                int version = existing == null ? 1 : existing.version() + 1;
                Stored accepted = new Stored(id, version, doc.contentHash(), Stage.ACCEPTED);
                byId.put(id, accepted);
                byHash.computeIfAbsent(doc.contentHash(), h -> new ArrayList<>()).add(accepted);
                rows.put(id, new DocumentRow(id, version, doc.contentHash(), format.label(), doc.payload().title(),
                        new String(EventJson.write(doc.payload()), StandardCharsets.UTF_8), now));
                DocumentEvent event = new DocumentEvent(DocumentEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), id,
                        version, now, doc.contentHash(), doc.payload());
                events.add(new OutboxRow(Topics.DOCUMENTS, id, DocumentEvent.TYPE, DocumentEvent.SCHEMA_VERSION,
                        EventJson.write(event), id, version));
                result = new Submission(id, version, Stage.ACCEPTED, false, warnings.get(i), doc.sanitized());
            }
            outcomes.merge(result.duplicate() ? "duplicate" : result.version() > 1 ? "new-version" : "accepted", 1, Integer::sum);
            results.add(result);
        }
        // Only the newest version of a document is kept; every version still gets its own event, in order.
        store.upsert(rows.values());
        store.enqueue(events);
        outcomes.forEach((outcome, n) ->
                meters.counter("litgraph.ingest.documents", "format", format.label(), "outcome", outcome).increment(n));
        return results;
    }

    /** The oldest document that still has this content (one stored earlier in the chunk may have changed since). */
    private static Stored firstWithHash(String hash, Map<String, List<Stored>> byHash, Map<String, Stored> byId) {
        for (Stored candidate : byHash.getOrDefault(hash, List.of())) {
            Stored current = byId.getOrDefault(candidate.id(), candidate);
            if (current.contentHash().equals(hash)) {
                return current;
            }
        }
        return null;
    }
}
