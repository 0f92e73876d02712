package io.litgraph.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.litgraph.ingest.config.IngestConfig;
import io.litgraph.ingest.format.BodyDecoder;
import io.litgraph.ingest.format.Format;
import io.litgraph.ingest.format.JsonDocumentParser;
import io.litgraph.ingest.format.ParsedDocument;
import io.litgraph.ingest.service.Ingestion;
import io.litgraph.ingest.service.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;

/**
 * Bulk ingest: NDJSON, one JSON document (the POST /api/documents JSON shape) per line, read as a stream.
 * A bad line is reported in its result and the batch goes on; valid lines are stored in chunks.
 */
@Path("/api/documents/batch")
@Tag(name = "documents")
public class BatchResource {
    private final Ingestion ingestion;
    private final IngestConfig config;
    private final BodyLimit bodyLimit;
    private final JsonDocumentParser json = new JsonDocumentParser();

    public BatchResource(Ingestion ingestion, IngestConfig config, BodyLimit bodyLimit) {
        this.ingestion = ingestion;
        this.config = config;
        this.bodyLimit = bodyLimit;
    }

    @POST
    @Consumes({"application/x-ndjson", "application/jsonl", "application/json-lines"})
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = ApiDefinition.API_KEY)
    @Operation(operationId = "submitDocumentBatch", summary = "Submit many JSON documents as NDJSON (one per line)",
            description = "Each line is a DocumentInput. Results per line in input order (position = line number); "
                    + "a bad line is rejected in its result and the batch goes on. Blank lines are skipped. 202 when at "
                    + "least one document was accepted, otherwise 200. A 413 without a Content-Length may come after "
                    + "the lines before the limit were stored.")
    @RequestBody(required = true, description = "NDJSON: one DocumentInput per line", content = {
            // no example: the scanner would read an NDJSON example as one JSON object
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/jsonl", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = "application/json-lines", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "202", description = "At least one line accepted; see results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListResponse.class)))
    @APIResponse(responseCode = "200", description = "Nothing new (duplicates and/or rejected lines); see results",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListResponse.class)))
    @APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
    @APIResponse(responseCode = "413", ref = ApiDefinition.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiDefinition.UNSUPPORTED_TYPE)
    public Response submit(InputStream body, @Context HttpServerRequest request) {
        // a line may hold the largest allowed text, JSON-escaped, plus its metadata
        int maxLine = (int) Math.min(Integer.MAX_VALUE - 1024L, config.maxTextBytes() * 2 + 1024 * 1024);
        NdjsonLines lines = new NdjsonLines(bodyLimit.limit(body, request), maxLine);
        Ingestion.Chunk chunk = ingestion.chunk(Format.JSON);
        for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
            if (line.tooLong()) {
                chunk.reject(line.number(), null, ProblemException.tooLarge(maxLine + 1L, maxLine));
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            try {
                chunk.add(parseLine(line), line.number());
            } catch (ProblemException e) {
                chunk.reject(line.number(), null, e);
            }
        }
        ListResponse list = ListResponse.of("ndjson", chunk.flush());
        return Response.status(list.httpStatus()).entity(list).build();
    }

    private ParsedDocument parseLine(NdjsonLines.Line line) {
        String text = BodyDecoder.decodeUtf8(line.bytes(), line.length());
        return json.fromTree(readLine(text, line.number()));
    }

    /** Parse errors carry the batch line number, not the line within the one-line JSON text. */
    private static JsonNode readLine(String text, int lineNumber) {
        try {
            return JsonDocumentParser.readTree(text, "json");
        } catch (ProblemException e) {
            throw ProblemException.malformed("json", e.getMessage(), lineNumber, (Integer) e.extensions().get("column"));
        }
    }
}
