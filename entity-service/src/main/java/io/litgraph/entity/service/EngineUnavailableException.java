package io.litgraph.entity.service;

/**
 * The engine is not loaded (still loading past the timeout, or failed to load). Not the document's
 * fault: the pipeline must not dead-letter documents because of it.
 */
public class EngineUnavailableException extends RuntimeException {
    public EngineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
