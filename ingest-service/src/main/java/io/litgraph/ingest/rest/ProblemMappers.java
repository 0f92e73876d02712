package io.litgraph.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.litgraph.ingest.service.ProblemException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;
import java.util.UUID;

/** Every error leaves as problem+json; stack traces stay in the log. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return Problems.response(e.status(), e.type(), e.title(), e.getMessage(), path(uri), e.extensions());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        var location = e.getLocation();
        Map<String, Object> position = location == null ? Map.of()
                : Map.of("line", location.getLineNr(), "column", location.getColumnNr());
        return Problems.response(400, "malformed-json", "Malformed JSON body", e.getOriginalMessage(), path(uri), position);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        if (family != Response.Status.Family.CLIENT_ERROR && family != Response.Status.Family.SERVER_ERROR) {
            return e.getResponse();
        }
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = status >= 500 ? null : e.getMessage();
        return Problems.response(status, slug(title), title, detail, path(uri), null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error on %s (incident %s)", path(uri), incident);
        return Problems.response(500, "internal-error", "Internal Server Error",
                "the request could not be processed; quote incident " + incident + " when reporting it",
                path(uri), Map.of("incident", incident));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static String slug(String title) {
        return title == null ? null : title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
