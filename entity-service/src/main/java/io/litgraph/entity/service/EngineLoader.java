package io.litgraph.entity.service;

import io.litgraph.entity.config.EntityConfig;
import io.litgraph.nlp.Annotator;
import io.litgraph.nlp.Engine;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Loads the extraction engine once, in the background, when the service starts: a large vocabulary
 * takes seconds to load and the HTTP server (health, metrics) should answer meanwhile. Readiness stays
 * DOWN until the engine is loaded.
 */
@ApplicationScoped
public class EngineLoader {
    private static final Logger LOG = Logger.getLogger(EngineLoader.class);

    private final EntityConfig config;
    private final CompletableFuture<Annotator> engine = new CompletableFuture<>();

    public EngineLoader(EntityConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        Thread loader = new Thread(this::load, "engine-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private void load() {
        long started = System.nanoTime();
        try {
            Annotator annotator = config.vocab().path()
                    .filter(p -> !p.isBlank())
                    .map(Path::of)
                    .map(EngineLoader::loadArtifact)
                    .orElseGet(Engine::builtin);
            engine.complete(annotator);
            LOG.infof("engine %s loaded with vocabulary %s in %d ms", annotator.engineVersion(),
                    annotator.vocabularyVersion(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (RuntimeException | Error e) {
            LOG.errorf("could not load the engine: %s", e.toString());
            engine.completeExceptionally(e);
        }
    }

    /** True once the engine is loaded; false while loading or after a failed load. */
    public boolean isLoaded() {
        return engine.isDone() && !engine.isCompletedExceptionally();
    }

    /** Why loading failed, or null. */
    public String failure() {
        if (!engine.isCompletedExceptionally()) {
            return null;
        }
        try {
            engine.join();
            return null;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return cause.toString();
        }
    }

    /** Waits for the engine; callers that arrive before it is loaded block. */
    public Annotator await(long timeout, TimeUnit unit) {
        try {
            return engine.get(timeout, unit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineUnavailableException("interrupted while waiting for the engine", e);
        } catch (ExecutionException e) {
            throw new EngineUnavailableException("the engine failed to load: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new EngineUnavailableException("the engine is still loading after " + timeout + " " + unit, e);
        }
    }

    private static Annotator loadArtifact(Path path) {
        // Engine.load falls back to the builtin vocabulary for a missing file; a configured path that is
        // not there is a deployment mistake, so it keeps the service not-ready instead
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("vocabulary artifact not readable: " + path
                    + " (litgraph.vocab.path / LITGRAPH_VOCAB_PATH)");
        }
        return Engine.load(path);
    }
}
