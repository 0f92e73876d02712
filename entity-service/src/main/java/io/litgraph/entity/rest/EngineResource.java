package io.litgraph.entity.rest;

import io.litgraph.entity.service.EngineLoader;
import io.litgraph.nlp.Annotator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.concurrent.TimeUnit;

/**
 * Which engine and vocabulary this instance annotates with. Re-annotation compares it with the versions
 * query-service has stored to tell how many documents still carry older annotations.
 */
@Path("/api/engine")
@Produces(MediaType.APPLICATION_JSON)
public class EngineResource {
    private final EngineLoader loader;

    public EngineResource(EngineLoader loader) {
        this.loader = loader;
    }

    @Schema(name = "EngineInfo", requiredProperties = {"name", "version", "vocabularyVersion"})
    public record EngineInfo(@Schema(example = "litgraph-nlp") String name,
                             @Schema(description = "engine version", example = "0.1.0") String version,
                             @Schema(description = "version of the compiled vocabulary", example = "builtin-1") String vocabularyVersion) {
    }

    @GET
    @Tag(name = "engine")
    @SecurityRequirements({})
    @Operation(operationId = "getEngine", summary = "The engine and vocabulary versions new annotations are made with",
            description = "503 (problem+json) while the engine is still loading.")
    @APIResponse(responseCode = "200", description = "The engine in use",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EngineInfo.class)))
    @APIResponse(responseCode = "406", ref = ApiDefinition.NOT_ACCEPTABLE)
    @APIResponse(responseCode = "503", ref = ApiDefinition.ENGINE_LOADING)
    public EngineInfo engine() {
        if (!loader.isLoaded()) {
            throw new ProblemException(503, "Service Unavailable", loader.failure() == null
                    ? "the engine is still loading" : "the engine failed to load: " + loader.failure());
        }
        Annotator annotator = loader.await(0, TimeUnit.MILLISECONDS);
        return new EngineInfo(io.litgraph.entity.mapping.EventMapper.ENGINE_NAME, annotator.engineVersion(), annotator.vocabularyVersion());
    }
}
