package io.litgraph.entity.service;

import io.litgraph.nlp.AnnotatedDocument;
import io.litgraph.nlp.Annotator;
import io.litgraph.nlp.InputDocument;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.TimeUnit;

/**
 * Runs the engine on one document and records how long it took and what it found. {@code source}
 * (kafka or api) tags the meters so that the pipeline and the synchronous API can be told apart.
 */
@ApplicationScoped
public class AnnotationService {
    public static final String SOURCE_KAFKA = "kafka";
    public static final String SOURCE_API = "api";

    private static final long LOAD_WAIT_MINUTES = 10;

    private final EngineLoader loader;
    private final MeterRegistry registry;

    public AnnotationService(EngineLoader loader, MeterRegistry registry) {
        this.loader = loader;
        this.registry = registry;
    }

    /**
     * @throws EngineUnavailableException when the engine is not loaded (waits for it first): not the
     *                                    document's fault
     * @throws RuntimeException           whatever the engine throws for this document (an Error too)
     */
    public AnnotatedDocument annotate(InputDocument document, String source) {
        Annotator annotator = loader.await(LOAD_WAIT_MINUTES, TimeUnit.MINUTES);
        Timer.Sample sample = Timer.start(registry);
        try {
            AnnotatedDocument result = annotator.annotate(document);
            counter("litgraph.annotation.documents", source).increment();
            counter("litgraph.annotation.mentions", source).increment(result.mentions().size());
            counter("litgraph.annotation.relations", source).increment(result.relations().size());
            return result;
        } catch (RuntimeException | Error e) {
            Counter.builder("litgraph.annotation.failures").tag("source", source)
                    .tag("error", e.getClass().getSimpleName()).register(registry).increment();
            throw e;
        } finally {
            sample.stop(Timer.builder("litgraph.annotation.duration")
                    .description("Time the engine spent annotating one document")
                    .tag("source", source)
                    .publishPercentileHistogram()
                    .register(registry));
        }
    }

    private Counter counter(String name, String source) {
        return Counter.builder(name).tag("source", source).register(registry);
    }
}
