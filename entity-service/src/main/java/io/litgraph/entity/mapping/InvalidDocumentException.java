package io.litgraph.entity.mapping;

/** A document event that parses but cannot be annotated (no id, no passages). Never retried. */
public class InvalidDocumentException extends RuntimeException {
    public InvalidDocumentException(String message) {
        super(message);
    }
}
