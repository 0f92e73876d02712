package io.litgraph.ingest.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.DiscriminatorMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.servers.ServerVariable;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The document-level parts of ingest-service's OpenAPI contract (/q/openapi): info, licence, server, tags,
 * the bearer API-key scheme that every write declares, and the problem+json answers that operations refer to
 * by name. A JAX-RS {@link Application} because that is where the scanner reads {@code @OpenAPIDefinition};
 * it adds no path and selects no resources. redocly.yaml at the repository root holds the lint rules.
 */
@OpenAPIDefinition(
        info = @Info(title = "litgraph ingest-service", version = ApiDefinition.API_VERSION,
                description = "Submit documents (JSON, text, Markdown, HTML, PubMed/JATS/BioC XML, BioC JSON, PubTator, "
                        + "NDJSON batches) to the litgraph knowledge graph and follow each one through the pipeline. "
                        + "Writes need an API key (Authorization: Bearer <key>); reads are open.",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        servers = @Server(url = "http://{host}:{port}", description = "a litgraph stack (bin/litgraph up serves ingest-service on localhost:8081)",
                variables = {
                        @ServerVariable(name = "host", defaultValue = "localhost", description = "host running ingest-service"),
                        @ServerVariable(name = "port", defaultValue = "8081", description = "LITGRAPH_INGEST_PORT")}),
        tags = {
                @Tag(name = "documents", description = "Submit documents and read what was stored, with their processing stage"),
                @Tag(name = "admin", description = "Operations on the whole corpus")},
        components = @Components(schemas = @Schema(name = "SubmissionResult",
                description = "A Submission for one document, a SubmissionList for a set; kind tells which",
                oneOf = {SubmissionResponse.class, ListResponse.class}, discriminatorProperty = "kind",
                discriminatorMapping = {
                        @DiscriminatorMapping(value = SubmissionResponse.KIND, schema = SubmissionResponse.class),
                        @DiscriminatorMapping(value = ListResponse.KIND, schema = ListResponse.class)}),
                responses = {
                @APIResponse(name = ApiDefinition.BAD_REQUEST, responseCode = "400", description = "Malformed body or invalid encoding",
                        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiSchemas.Problem.class))),
                @APIResponse(name = ApiDefinition.UNAUTHORIZED, responseCode = "401", description = "No API key: send Authorization: Bearer <key>",
                        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiSchemas.Problem.class))),
                @APIResponse(name = ApiDefinition.FORBIDDEN, responseCode = "403", description = "The API key is not one of litgraph.ingest.api-keys",
                        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiSchemas.Problem.class))),
                @APIResponse(name = ApiDefinition.NOT_FOUND, responseCode = "404", description = "No document with this id",
                        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiSchemas.Problem.class))),
                @APIResponse(name = ApiDefinition.NOT_ACCEPTABLE, responseCode = "406", description = "Accept names no media type this operation produces",
                        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiSchemas.Problem.class))),
                @APIResponse(name = ApiDefinition.TOO_LARGE, responseCode = "413",
                        description = "Body above litgraph.ingest.max-body-bytes, or text above litgraph.ingest.max-text-bytes",
                        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiSchemas.Problem.class))),
                @APIResponse(name = ApiDefinition.UNSUPPORTED_TYPE, responseCode = "415", description = "Content-Type is not one this operation reads",
                        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiSchemas.Problem.class))),
                @APIResponse(name = ApiDefinition.UNPROCESSABLE, responseCode = "422", description = "No text, or an invalid field",
                        content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = ApiSchemas.Problem.class)))}))
@SecurityScheme(securitySchemeName = ApiDefinition.API_KEY, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key from litgraph.ingest.api-keys (bin/litgraph up writes one to .litgraph/secrets.env)")
public class ApiDefinition extends Application {
    /** The version of the contract, not of the build. */
    static final String API_VERSION = "0.1.0";
    static final String API_KEY = "apiKey";
    static final String BAD_REQUEST = "BadRequest";
    static final String UNAUTHORIZED = "Unauthorized";
    static final String FORBIDDEN = "Forbidden";
    static final String NOT_FOUND = "NotFound";
    static final String NOT_ACCEPTABLE = "NotAcceptable";
    static final String TOO_LARGE = "PayloadTooLarge";
    static final String UNSUPPORTED_TYPE = "UnsupportedMediaType";
    static final String UNPROCESSABLE = "UnprocessableDocument";
}
