package io.litgraph.query.service;

/** An event that can never be stored as it is; retrying is pointless, it goes to the dead-letter topic. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }
}
