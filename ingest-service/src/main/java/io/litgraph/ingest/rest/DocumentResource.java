package io.litgraph.ingest.rest;

import io.litgraph.ingest.format.BodyDecoder;
import io.litgraph.ingest.format.DocumentParser;
import io.litgraph.ingest.format.FormatRegistry;
import io.litgraph.ingest.format.ParsedBody;
import io.litgraph.ingest.service.DocumentQueries;
import io.litgraph.ingest.service.Ingestion;
import io.litgraph.ingest.service.ProblemException;
import io.litgraph.ingest.service.Submission;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
@SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer")
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
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Submit a document (or a set of documents)",
            description = "Format from Content-Type: application/json, text/plain, text/markdown, text/html, "
                    + "PubMed/JATS/BioC XML (application/xml), BioC JSON, PubTator (application/x-pubtator). "
                    + "202 when stored and queued for publishing, 200 when the same content is already stored.")
    @RequestBody(description = "the document in the format named by Content-Type")
    @APIResponse(responseCode = "202", description = "accepted: stored, will be published")
    @APIResponse(responseCode = "200", description = "duplicate: same content already stored, nothing published")
    @APIResponse(responseCode = "400", description = "malformed body or invalid encoding (problem+json)")
    @APIResponse(responseCode = "413", description = "body or text too large (problem+json)")
    @APIResponse(responseCode = "415", description = "unsupported Content-Type (problem+json)")
    @APIResponse(responseCode = "422", description = "no text, or an invalid field (problem+json)")
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
    @Operation(summary = "The stored (latest) version of a document, with its status")
    @APIResponse(responseCode = "404", description = "unknown id (problem+json)")
    public DocumentView get(@PathParam("id") String id) {
        return queries.find(id).map(DocumentView::of)
                .orElseThrow(() -> new NotFoundException("no document with id '" + id + "'"));
    }

    @GET
    @Path("{id}/status")
    @Operation(summary = "Processing stage of the latest version: ACCEPTED, PUBLISHED, ANNOTATED, INDEXED or FAILED")
    @APIResponse(responseCode = "404", description = "unknown id (problem+json)")
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
