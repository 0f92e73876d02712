package io.litgraph.entity.service;

import io.litgraph.nlp.Annotator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.util.concurrent.TimeUnit;

/** Makes the loaded engine injectable; the first use waits for {@link EngineLoader} to finish. */
@ApplicationScoped
public class EngineProducer {
    private static final long LOAD_TIMEOUT_MINUTES = 10;

    @Produces
    @ApplicationScoped
    Annotator annotator(EngineLoader loader) {
        return loader.await(LOAD_TIMEOUT_MINUTES, TimeUnit.MINUTES);
    }
}
