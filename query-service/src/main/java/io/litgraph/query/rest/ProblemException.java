package io.litgraph.query.rest;

import java.util.List;

/** Thrown by resources to answer with a problem+json body. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String title;
    private final List<Problem.ParameterError> errors;

    public ProblemException(int status, String title, String detail, List<Problem.ParameterError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors;
    }

    public static ProblemException badParameter(String parameter, String message) {
        return new ProblemException(400, "Invalid parameter",
                "parameter '" + parameter + "': " + message, List.of(new Problem.ParameterError(parameter, message)));
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "Not found", what + " '" + id + "' does not exist", null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<Problem.ParameterError> errors() {
        return errors;
    }
}
