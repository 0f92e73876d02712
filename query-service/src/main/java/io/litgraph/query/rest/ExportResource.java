package io.litgraph.query.rest;

import io.litgraph.query.config.QueryConfig;
import io.litgraph.query.format.DocumentWriter;
import io.litgraph.query.format.Format;
import io.litgraph.query.repository.ConceptQueries;
import io.litgraph.query.repository.DocumentQueries;
import io.litgraph.query.repository.DocumentSearch;
import io.litgraph.query.repository.DocumentSearch.Hit;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(summary = "Stream the documents of a search in a standard format",
            description = "Same filters as GET /api/documents (q and/or concept required), best matches first, at most "
                    + "the configured export maximum (header X-Litgraph-Export-Limit). Streamed page by page, so memory "
                    + "use does not grow with the result.")
    @APIResponse(responseCode = "200", description = "PubTator text, BioC JSON or BioC XML")
    @APIResponse(responseCode = "400", description = "neither q nor concept, or an invalid parameter")
    public Response export(@Parameter(description = "text query", example = "insulin") @QueryParam("q") String q,
                           @Parameter(description = "concept id(s) every document must mention", example = "NCBIGene:3569")
                           @QueryParam("concept") List<String> concept,
                           @Parameter(description = "entity type(s) that must occur") @QueryParam("type") List<String> type,
                           @QueryParam("since") String since, @QueryParam("until") String until,
                           @Parameter(description = "pubtator (default) | biocjson | biocxml") @QueryParam("format") String format) {
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
