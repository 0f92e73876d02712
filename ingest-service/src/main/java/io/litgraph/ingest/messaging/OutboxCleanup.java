package io.litgraph.ingest.messaging;

import io.litgraph.ingest.config.IngestConfig;
import io.litgraph.ingest.domain.OutboxMessage;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Deletes outbox rows the relay published longer ago than {@code litgraph.ingest.relay.keep-published}.
 * Unpublished rows are never touched: they are the undelivered events.
 */
@ApplicationScoped
public class OutboxCleanup {
    private static final Logger LOG = Logger.getLogger(OutboxCleanup.class);
    private final IngestConfig config;

    public OutboxCleanup(IngestConfig config) {
        this.config = config;
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "outbox-cleanup")
    void scheduled() {
        deletePublishedBefore(Instant.now().minus(config.relay().keepPublished()));
    }

    /** @return how many rows were deleted */
    @Transactional
    public long deletePublishedBefore(Instant cutoff) {
        long deleted = OutboxMessage.delete("processedAt is not null and processedAt < ?1", cutoff);
        if (deleted > 0) {
            LOG.debugf("deleted %d published outbox rows", deleted);
        }
        return deleted;
    }
}
