package io.litgraph.ingest.service;

import io.litgraph.events.DocumentEvent;
import io.litgraph.events.DocumentPayload;
import io.litgraph.events.EventJson;
import io.litgraph.ingest.domain.DocumentEntity;
import io.litgraph.ingest.domain.OutboxMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Re-publishes the newest version of every stored document so that the current engine and vocabulary
 * annotate it again. The events keep their document version: query-service replaces a version's
 * annotations when the same version arrives from a different engine, and serves the old ones until then,
 * so the graph stays queryable throughout. Work goes through the outbox in batches of their own
 * transactions, so a large corpus neither holds one long transaction nor loses its place on a crash
 * (the outbox rows written so far are published regardless).
 */
@ApplicationScoped
public class Reannotation {
    private static final Logger LOG = Logger.getLogger(Reannotation.class);
    static final int BATCH = 500;

    /** Queues every document; returns how many. */
    public long requeueAll() {
        long queued = 0;
        String after = "";
        while (true) {
            String from = after;
            List<String> ids = QuarkusTransaction.requiringNew().call(() -> requeueBatch(from));
            if (ids.isEmpty()) {
                break;
            }
            queued += ids.size();
            after = ids.get(ids.size() - 1);
        }
        LOG.infof("re-annotation: %d documents queued", queued);
        return queued;
    }

    /** One transaction: outbox rows for the next batch of documents in id order after {@code after}. */
    List<String> requeueBatch(String after) {
        List<DocumentEntity> batch = DocumentEntity.find("id > ?1 order by id", after).page(0, BATCH).list();
        Instant now = Instant.now();
        for (DocumentEntity document : batch) {
            DocumentPayload payload = EventJson.read(document.payload, DocumentPayload.class);
            OutboxMessage.of(new DocumentEvent(DocumentEvent.SCHEMA_VERSION, UUID.randomUUID().toString(),
                    document.id, document.version, now, document.contentHash, payload)).persist();
        }
        return batch.stream().map(d -> d.id).toList();
    }
}
