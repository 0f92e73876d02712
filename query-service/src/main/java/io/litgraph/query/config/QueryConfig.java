package io.litgraph.query.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** query-service settings, prefix {@code litgraph.query} (env: {@code LITGRAPH_QUERY_...}). */
@ConfigMapping(prefix = "litgraph.query")
public interface QueryConfig {

    /** The name this service signs its status and dead-letter events with. */
    @WithDefault("query-service")
    String serviceName();

    Api api();

    Consumer consumer();

    Outbox outbox();

    Paths paths();

    Cache cache();

    Belief belief();

    /** Which relations a request shows when it gives no {@code minBelief} (docs/QUERY-API.md, "Belief"). */
    interface Belief {
        /**
         * Relations whose belief is below this are left out of relations, neighbours, paths and the
         * Explorer's graph unless a request asks for a lower {@code minBelief} ({@code minBelief=0}: all).
         * 0.8: the precision the default view is meant to have, once the engine's confidences are
         * calibrated probabilities.
         */
        @WithDefault("0.8")
        double defaultMin();
    }

    /** What read paths reuse between requests until a document is stored: paths' relation graph, autocomplete answers. */
    interface Cache {
        /**
         * How often a request checks whether a document was stored since (one index-only row): the most a
         * stored change can lag in paths and autocomplete.
         */
        @WithDefault("1s")
        Duration refresh();

        /** Reused data older than this is read again even if no change was seen (see StoreVersion). */
        @WithDefault("60s")
        Duration maxAge();

        /** Autocomplete answers kept (most recently used). */
        @WithDefault("10000")
        int autocompleteEntries();
    }

    Failures failures();

    interface Failures {
        /**
         * Failures kept for the status page (GET /api/failures); after each new one only the newest this
         * many stay, so a flood of poison records cannot grow the table without bound.
         */
        @WithDefault("1000")
        int maxStored();
    }

    interface Paths {
        /** Edges expanded per concept, best-supported first. */
        @WithDefault("25")
        int fanOut();

        /** Wall-clock budget of one path search; the answer says truncated when it ran out. */
        @WithDefault("2s")
        Duration timeBudget();

        /** Evidence sentences shown per hop. */
        @WithDefault("3")
        int evidencePerHop();
    }

    interface Api {
        /** Page size when a request gives no {@code limit}. */
        @WithDefault("20")
        int defaultLimit();

        /** Larger {@code limit}s are clamped to this (the response states the effective limit). */
        @WithDefault("100")
        int maxLimit();

        /** Facets are counted over this many best-matching documents. */
        @WithDefault("1000")
        int facetSample();

        /** Concepts listed per entity type in search facets. */
        @WithDefault("5")
        int facetsPerType();

        /** Most documents one export streams. */
        @WithDefault("10000")
        int exportMax();

        /** Upper bound on any one API query, so that an expensive search cannot hog the database. */
        @WithDefault("5s")
        Duration statementTimeout();
    }

    interface Consumer {
        /**
         * Attempts to store one event before it goes to the dead-letter topic, for errors that are not
         * infrastructure failures. A database outage is retried for as long as it lasts.
         */
        @WithDefault("3")
        int maxAttempts();

        /** Longest pause between retries while the database is unavailable. */
        @WithDefault("30s")
        Duration maxBackoff();

        /** Pause before the first retry; doubled after each failed attempt. */
        @WithDefault("500ms")
        Duration retryBackoff();
    }

    interface Outbox {
        /** Rows the relay publishes per round. */
        @WithDefault("200")
        int batchSize();

        /** How often the relay looks for unpublished rows (a Quarkus scheduler period such as 1s). */
        @WithDefault("1s")
        String pollInterval();
    }
}
