package io.litgraph.query.rest;

import io.litgraph.query.config.QueryConfig;
import io.litgraph.query.format.DocumentWriter;
import io.litgraph.query.format.Format;
import io.litgraph.query.repository.ConceptQueries;
import io.litgraph.query.repository.DocumentQueries;
import io.litgraph.query.repository.DocumentSearch.Hit;
import io.litgraph.query.repository.DocumentSearch;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/export")
@Tag(name = "documents")
public class ExportResource {
    private static final int PAGE = 100;

    private final DocumentSearch search;
    private final DocumentQueries documents;
    private final ConceptQueries concepts;
    private final QueryConfig config;

    public ExportResource(DocumentSearch search, DocumentQueries documents, ConceptQueries concepts, QueryConfig config) {
        this.search = search;
        this.documents = documents;
        this.concepts = concepts;
        this.config = config;
    }

    @GET
    @Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML})
    @SecurityRequirements({})
    @Operation(operationId = "exportDocuments", summary = "Stream the documents of a search in a standard format",
            description = "Same filters as GET /api/documents (q and/or concept required), best matches first, at most "
                    + "the configured export maximum (header X-Litgraph-Export-Limit). Streamed page by page, so memory "
                    + "use does not grow with the result.")
    @APIResponse(responseCode = "200", description = "PubTator text, BioC JSON or BioC XML, as an attachment",
            headers = @Header(name = "X-Litgraph-Export-Limit", description = "the most documents an export holds",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = {
                    @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING, description = "PubTator")),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "a BioC JSON collection")),
                    @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING, description = "a BioC XML collection"))})
    @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
    @APIResponse(responseCode = "406", ref = ApiDefinition.NOT_ACCEPTABLE)
    public Response export(@Parameter(description = "text query", example = "insulin") @QueryParam("q") String q,
                           @Parameter(description = "concept id(s) every document must mention",
                                      examples = @ExampleObject(name = "interleukin 6", value = "[\"NCBIGene:3569\"]"))
                           @QueryParam("concept") List<String> concept,
                           @Parameter(description = "entity type(s) that must occur") @QueryParam("type") List<String> type,
                           @Parameter(description = "published on or after (yyyy, yyyy-MM, yyyy-MM-dd)", schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"))
                           @QueryParam("since") String since,
                           @Parameter(description = "published on or before (yyyy, yyyy-MM, yyyy-MM-dd)", schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"))
                           @QueryParam("until") String until,
                           @Parameter(description = "pubtator (default) | biocjson | biocxml",
                                      schema = @Schema(type = SchemaType.STRING, enumeration = {"pubtator", "biocjson", "biocxml"})) @QueryParam("format") String format) {
        DocumentSearch.Filter filter = SearchParams.filter(q, concept, type, since, until, concepts);
        if (filter.q() == null && filter.concepts().isEmpty()) {
            throw ProblemException.badParameter("q", "give q or concept to choose what to export");
        }
        Format chosen = format == null || format.isBlank() ? Format.PUBTATOR : Format.parse(format).orElseThrow(
                () -> ProblemException.badParameter("format", "'" + format + "' is not one of " + Format.names()));
        int max = config.api().exportMax();
        StreamingOutput body = out -> {
            DocumentWriter writer = chosen.writer(out);
            writer.start();
            DocumentSearch.After after = null;
            int written = 0;
            while (written < max) {
                int page = Math.min(PAGE, max - written);
                List<Hit> hits = search.search(filter, after, page);
                List<Hit> pageHits = hits.subList(0, Math.min(hits.size(), page));
                // one batch of queries per page, not one per document
                for (var doc : documents.findAll(pageHits.stream().map(h -> h.summary().id()).toList())) {
                    writer.write(doc);
                }
                written += pageHits.size();
                if (!pageHits.isEmpty()) {
                    Hit last = pageHits.get(pageHits.size() - 1);
                    after = new DocumentSearch.After(last.score(), last.seq());
                }
                if (hits.size() <= page) {
                    break;
                }
            }
            writer.end();
        };
        String extension = switch (chosen) {
            case PUBTATOR -> "txt";
            case BIOCJSON -> "json";
            case BIOCXML -> "xml";
        };
        return Response.ok(body, chosen.mediaType())
                .header("Content-Disposition", "attachment; filename=\"litgraph-export." + extension + "\"")
                .header("X-Litgraph-Export-Limit", max)
                .build();
    }
}
