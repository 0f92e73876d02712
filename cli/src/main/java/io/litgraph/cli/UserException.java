package io.litgraph.cli;

/**
 * A problem the user can fix (a missing file, an unreachable broker, a bad value): printed as one line,
 * never with a stack trace, exit code {@link ExitCodes#USER_ERROR}.
 */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
