package io.litgraph.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * ingest-service settings, prefix {@code litgraph.ingest}. Every key maps to an environment variable by
 * the MicroProfile rule (upper case, dots and dashes to underscores), e.g. {@code LITGRAPH_INGEST_API_KEYS}.
 */
@ConfigMapping(prefix = "litgraph.ingest")
public interface IngestConfig {

    /** Bearer keys accepted on write endpoints. None configured means every write is refused. */
    Optional<List<String>> apiKeys();

    /** Upper bound on the UTF-8 size of a document's extracted text (title + passages). */
    @WithDefault("10485760")
    long maxTextBytes();

    /**
     * Upper bound on a request body in bytes, for every content type and the NDJSON batch; a larger body is
     * refused with a problem+json 413. Must stay below {@code quarkus.http.limits.max-body-size}, the HTTP
     * layer's own (plain) limit, which is set far higher as a backstop.
     */
    @WithDefault("16777216")
    long maxBodyBytes();

    Relay relay();

    interface Relay {
        /** Pause between outbox polls. */
        @WithDefault("200ms")
        Duration interval();

        /** Outbox rows published per transaction. */
        @WithDefault("100")
        int batchSize();

        /** How long to wait for the broker's acknowledgement of one batch. */
        @WithDefault("30s")
        Duration sendTimeout();

        /** Ceiling of the exponential back-off while the broker is unreachable. */
        @WithDefault("30s")
        Duration maxBackoff();

        /**
         * How long published outbox rows are kept (for inspection) before they are deleted; the outbox
         * would otherwise grow by one row per submission forever.
         */
        @WithDefault("24h")
        Duration keepPublished();
    }
}
