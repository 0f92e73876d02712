package io.litgraph.entity.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.servers.ServerVariable;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The document-level parts of entity-service's OpenAPI contract (/q/openapi): info, licence, server,
 * tags and the problem+json answers that operations refer to by name. A JAX-RS {@link Application} because
 * that is where the scanner reads {@code @OpenAPIDefinition}; it adds no path and selects no resources. Operations are described on the
 * resources; redocly.yaml at the repository root holds the lint rules the contract must pass.
 */
@OpenAPIDefinition(
        info = @Info(title = "litgraph entity-service", version = ApiDefinition.API_VERSION,
                description = "Synchronous annotation of your own text with litgraph's extraction engine "
                        + "(nothing is stored), and the engine and vocabulary versions in use.",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        servers = @Server(url = "http://{host}:{port}", description = "a litgraph stack (bin/litgraph up serves entity-service on localhost:8082)",
                variables = {
                        @ServerVariable(name = "host", defaultValue = "localhost", description = "host running entity-service"),
                        @ServerVariable(name = "port", defaultValue = "8082", description = "LITGRAPH_ENTITY_PORT")}),
        tags = {
                @Tag(name = "annotation", description = "Annotate text at once: entities, normalized concepts and relations, as BioC JSON or PubTator"),
                @Tag(name = "engine", description = "The extraction engine and vocabulary this instance annotates with")},
        components = @Components(responses = {
                @APIResponse(name = ApiDefinition.BAD_REQUEST, responseCode = "400", description = "Empty or malformed input, or an invalid parameter",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ApiDefinition.NOT_ACCEPTABLE, responseCode = "406", description = "Accept names no media type this operation produces",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ApiDefinition.TOO_LARGE, responseCode = "413", description = "Body larger than litgraph.annotate.max-text-bytes",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ApiDefinition.UNSUPPORTED_TYPE, responseCode = "415", description = "Content-Type is not one this operation reads",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ApiDefinition.ENGINE_LOADING, responseCode = "503", description = "The engine is still loading (or failed to load); retry shortly",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))}))
public class ApiDefinition extends Application {
    /** The version of the contract, not of the build. */
    static final String API_VERSION = "0.1.0";
    static final String BAD_REQUEST = "BadRequest";
    static final String NOT_ACCEPTABLE = "NotAcceptable";
    static final String TOO_LARGE = "PayloadTooLarge";
    static final String UNSUPPORTED_TYPE = "UnsupportedMediaType";
    static final String ENGINE_LOADING = "EngineLoading";
}
