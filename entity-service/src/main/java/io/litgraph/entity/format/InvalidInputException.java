package io.litgraph.entity.format;

/** Input that cannot be read as the format it claims to be; the message is shown to the user. */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }
}
