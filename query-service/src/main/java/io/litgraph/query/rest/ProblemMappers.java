package io.litgraph.query.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** Turns every failure into problem+json; never lets a stack trace reach the client. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return new Problem(typeFor(e.status()), e.title(), e.status(), e.getMessage(), path(uri), e.errors()).toResponse();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.ParameterError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.ParameterError(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return new Problem(typeFor(400), "Invalid parameter", 400, "the request has invalid parameters", path(uri), errors)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return new Problem(typeFor(400), "Malformed JSON", 400, e.getOriginalMessage(), path(uri), null).toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        String title = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = status == 404 ? "no resource at " + path(uri) : e.getMessage();
        if (family == Response.Status.Family.SERVER_ERROR) {
            LOG.error("request failed", e);
        }
        return new Problem(typeFor(status), title, status, detail, path(uri), null).toResponse();
    }

    /** A query cancelled by the statement timeout: the request asked for too much, not a server fault. */
    @ServerExceptionMapper
    public Response dataAccess(io.litgraph.query.repository.Jdbc.DataAccessException e, UriInfo uri) {
        if (e.getCause() instanceof java.sql.SQLException sql && "57014".equals(sql.getSQLState())) {
            return new Problem(typeFor(503), "Query timed out", 503,
                    "the query took longer than the statement timeout; narrow it down", path(uri), null).toResponse();
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("request failed", e);
        return new Problem(typeFor(500), "Internal error", 500, "the request could not be completed", path(uri), null)
                .toResponse();
    }

    /** A stable, dereference-free problem type per status (RFC 7807 allows any URI). */
    static String typeFor(int status) {
        return "urn:litgraph:problem:" + status;
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }
}
