package io.litgraph.query.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 7807 problem detail; {@code errors} names each offending parameter. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 7807 problem details (application/problem+json)",
        requiredProperties = {"type", "title", "status"})
public record Problem(@Schema(example = "urn:litgraph:problem:400") String type,
                      @Schema(example = "Invalid parameter") String title,
                      @Schema(example = "400") int status,
                      @Schema(example = "'abc' is not an integer") String detail,
                      @Schema(description = "the request path", example = "/api/documents") String instance,
                      @Schema(description = "the offending parameters") List<ParameterError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "ParameterError", requiredProperties = {"parameter", "message"})
    public record ParameterError(@Schema(example = "limit") String parameter, @Schema(example = "must be at least 1") String message) {
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
