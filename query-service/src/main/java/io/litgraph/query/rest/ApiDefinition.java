package io.litgraph.query.rest;

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
 * The document-level parts of the query API's OpenAPI contract (/q/openapi): info, licence, server, tags and
 * the problem+json answers that operations refer to by name. A JAX-RS {@link Application} because that is
 * where the scanner reads {@code @OpenAPIDefinition}; it adds no path and selects no resources. Every
 * operation is a read and needs no key. redocly.yaml at the repository root holds the lint rules.
 */
@OpenAPIDefinition(
        info = @Info(title = "litgraph query API", version = ApiDefinition.API_VERSION,
                description = "Documents, concepts and evidence-backed relations of the litgraph knowledge graph. "
                        + "Read-only and open: no operation needs an API key. Errors are RFC 7807 problem+json; "
                        + "lists are pages with an opaque nextCursor (absent on the last page).",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        servers = @Server(url = "http://{host}:{port}", description = "a litgraph stack (bin/litgraph up serves the query API on localhost:8083)",
                variables = {
                        @ServerVariable(name = "host", defaultValue = "localhost", description = "host running query-service"),
                        @ServerVariable(name = "port", defaultValue = "8083", description = "LITGRAPH_QUERY_PORT")}),
        tags = {
                @Tag(name = "documents", description = "Search documents, read one with its annotations, export in standard formats"),
                @Tag(name = "concepts", description = "Normalized concepts: autocomplete, details, neighbourhood"),
                @Tag(name = "relations", description = "Extracted relations with their evidence sentences, and paths between concepts"),
                @Tag(name = "stats", description = "Corpus counts, consumer lag and pipeline failures")},
        components = @Components(responses = {
                @APIResponse(name = ApiDefinition.BAD_REQUEST, responseCode = "400", description = "A parameter is invalid; errors names it",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ApiDefinition.NOT_FOUND, responseCode = "404", description = "An id names nothing stored; errors names the parameter",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ApiDefinition.NOT_ACCEPTABLE, responseCode = "406", description = "Accept names no media type this operation produces",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = ApiDefinition.TIMED_OUT, responseCode = "503", description = "The query took longer than the statement timeout; narrow it down",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))}))
public class ApiDefinition extends Application {
    /** The version of the contract, not of the build. */
    static final String API_VERSION = "0.1.0";
    static final String BAD_REQUEST = "BadRequest";
    static final String NOT_FOUND = "NotFound";
    static final String NOT_ACCEPTABLE = "NotAcceptable";
    static final String TIMED_OUT = "QueryTimedOut";
}
