package io.litgraph.ingest.rest;

import io.litgraph.ingest.format.BodyDecoder;
import io.litgraph.ingest.format.DocumentParser;
import io.litgraph.ingest.format.FormatRegistry;
import io.litgraph.ingest.format.ParsedBody;
import io.litgraph.ingest.service.DocumentQueries;
import io.litgraph.ingest.service.Ingestion;
import io.litgraph.ingest.service.ProblemException;
import io.litgraph.ingest.service.Submission;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "documents")
public class DocumentResource {
    private final FormatRegistry formats;
    private final Ingestion ingestion;
    private final DocumentQueries queries;
    private final BodyLimit bodyLimit;

    public DocumentResource(FormatRegistry formats, Ingestion ingestion, DocumentQueries queries, BodyLimit bodyLimit) {
        this.formats = formats;
        this.ingestion = ingestion;
        this.queries = queries;
        this.bodyLimit = bodyLimit;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @SecurityRequirement(name = ApiDefinition.API_KEY)
    @Operation(operationId = "submitDocument", summary = "Submit a document (or a set of documents)",
            description = "The format comes from Content-Type: application/json, text/plain, text/markdown, text/html, "
                    + "PubMed/JATS/BioC XML (application/xml), BioC JSON (application/bioc+json), PubTator "
                    + "(application/x-pubtator). One document is answered with a Submission: 202 when stored and queued "
                    + "for publishing, 200 when the same content is already stored. A set (PubMed set, BioC collection, "
                    + "PubTator file) is answered with a SubmissionList: 202 when at least one was accepted, else 200. "
                    + "The kind member tells the two answers apart.")
    @RequestBody(required = true, description = "the document in the format named by Content-Type", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.DocumentInput.class),
                    examples = @ExampleObject(name = "document", value = """
                            {"id":"pmid-31234567","title":"IL-6 and insulin resistance",
                             "text":"Interleukin-6 promotes insulin resistance in adipose tissue.","published":"2019-06-01"}""")),
            @Content(mediaType = "application/bioc+json", schema = @Schema(type = SchemaType.OBJECT, description = "a BioC JSON collection")),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING, description = "the first line is the title")),
            @Content(mediaType = "text/markdown", schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING,
                    description = "a PubMed article or set, a JATS article, or a BioC XML collection")),
            @Content(mediaType = "application/x-pubtator", schema = @Schema(type = SchemaType.STRING,
                    description = "PubTator text: title|t|, abstract|a| and annotation lines per document"))})
    @APIResponse(responseCode = "202", description = "Accepted: stored, will be published (for a set: at least one accepted)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SubmissionResult"),
                    examples = @ExampleObject(name = "accepted", value = """
                            {"kind":"submission","id":"pmid-31234567","version":1,"status":"ACCEPTED",
                             "links":{"self":"/api/documents/pmid-31234567","status":"/api/documents/pmid-31234567/status"}}""")))
    @APIResponse(responseCode = "200", description = "Duplicate: the same content is already stored, nothing is published",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SubmissionResult"),
                    examples = @ExampleObject(name = "duplicate", value = """
                            {"kind":"submission","id":"pmid-31234567","version":1,"status":"INDEXED","duplicate":true,
                             "links":{"self":"/api/documents/pmid-31234567","status":"/api/documents/pmid-31234567/status"}}""")))
    @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
    @APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
    @APIResponse(responseCode = "413", ref = ApiDefinition.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiDefinition.UNSUPPORTED_TYPE)
    @APIResponse(responseCode = "422", ref = ApiDefinition.UNPROCESSABLE)
    public Response submit(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body,
                           @Context HttpServerRequest request) throws IOException {
        MediaType type = mediaType(contentType);
        DocumentParser parser = formats.parserFor(type.getType() + "/" + type.getSubtype());
        byte[] bytes = body == null ? new byte[0] : bodyLimit.limit(body, request).readAllBytes();
        String text = BodyDecoder.decode(bytes, type.getParameters().get("charset"));
        ParsedBody parsed = parser.parse(text);
        if (!parsed.format().multiDocument() && parsed.documents().size() == 1) {
            Submission submission = ingestion.submit(parsed.documents().get(0), parsed.format());
            SubmissionResponse response = SubmissionResponse.of(submission);
            return Response.status(submission.duplicate() ? 200 : 202)
                    .location(URI.create(response.links().self()))
                    .entity(response).build();
        }
        ListResponse list = ListResponse.of(parsed.format().label(), ingestion.submitAll(parsed, 1));
        return Response.status(list.httpStatus()).entity(list).build();
    }

    @GET
    @Path("{id}")
    @SecurityRequirements({})
    @Operation(operationId = "getStoredDocument", summary = "The stored (latest) version of a document, with its status")
    @APIResponse(responseCode = "200", description = "The stored document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
    @APIResponse(responseCode = "406", ref = ApiDefinition.NOT_ACCEPTABLE)
    public DocumentView get(@PathParam("id") String id) {
        return queries.find(id).map(DocumentView::of)
                .orElseThrow(() -> new NotFoundException("no document with id '" + id + "'"));
    }

    @GET
    @Path("{id}/status")
    @SecurityRequirements({})
    @Operation(operationId = "getDocumentStatus",
            summary = "Processing stage of the latest version: ACCEPTED, PUBLISHED, ANNOTATED, INDEXED or FAILED",
            description = "INDEXED: the document is queryable in query-service. FAILED comes with the reason in detail.")
    @APIResponse(responseCode = "200", description = "The stage",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusView.class)))
    @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
    @APIResponse(responseCode = "406", ref = ApiDefinition.NOT_ACCEPTABLE)
    public StatusView status(@PathParam("id") String id) {
        return queries.find(id).map(StatusView::of)
                .orElseThrow(() -> new NotFoundException("no document with id '" + id + "'"));
    }

    private MediaType mediaType(String header) {
        if (header == null || header.isBlank()) {
            throw ProblemException.unsupportedType("(no Content-Type)", formats.supportedTypes());
        }
        try {
            return MediaType.valueOf(header);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unsupportedType(header, formats.supportedTypes());
        }
    }
}
