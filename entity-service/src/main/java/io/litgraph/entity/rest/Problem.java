package io.litgraph.entity.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 7807 problem detail. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 7807 problem details (application/problem+json)",
        requiredProperties = {"type", "title", "status"})
public record Problem(@Schema(example = "about:blank") String type,
                      @Schema(example = "Bad Request") String title,
                      @Schema(example = "400") int status,
                      @Schema(example = "the request body is empty") String detail,
                      @Schema(description = "the request path", example = "/api/annotate") String instance,
                      List<String> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
}
