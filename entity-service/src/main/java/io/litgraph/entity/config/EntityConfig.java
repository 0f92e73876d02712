package io.litgraph.entity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/**
 * entity-service settings. Every key is overridable by its environment variable (SmallRye maps
 * {@code litgraph.vocab.path} to {@code LITGRAPH_VOCAB_PATH} and so on).
 */
@ConfigMapping(prefix = "litgraph")
public interface EntityConfig {

    Vocab vocab();

    Annotate annotate();

    Pipeline pipeline();

    interface Vocab {
        /** Compiled vocabulary artifact; the engine's builtin vocabulary when absent. */
        Optional<String> path();
    }

    interface Annotate {
        /** Largest request body {@code POST /api/annotate} accepts; larger ones get 413. */
        @WithDefault("1048576")
        int maxTextBytes();

        /**
         * Bearer keys {@code POST /api/annotate} accepts (env {@code LITGRAPH_ANNOTATE_API_KEYS}, comma
         * separated): it runs the engine for whoever calls it, so without a key every call is refused.
         */
        Optional<List<String>> apiKeys();
    }

    interface Pipeline {
        /**
         * Documents annotated at once by the Kafka consumer. Annotation is CPU-bound, so more lanes than
         * cores only adds contention; 0 means "number of cores".
         */
        @WithDefault("0")
        int lanes();

        /** Records taken from Kafka but not yet fully published; bounds memory and redelivery after a crash. */
        @WithDefault("64")
        int maxInFlight();
    }
}
