package io.litgraph.query.rest;

import io.litgraph.query.config.QueryConfig;
import io.litgraph.query.format.DocumentWriter;
import io.litgraph.query.format.Format;
import io.litgraph.query.model.DocumentDetail;
import io.litgraph.query.model.DocumentSummary;
import io.litgraph.query.model.SearchPage;
import io.litgraph.query.repository.ConceptQueries;
import io.litgraph.query.repository.DocumentQueries;
import io.litgraph.query.repository.DocumentSearch.Hit;
import io.litgraph.query.repository.DocumentSearch;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

@Path("/api/documents")
@Tag(name = "documents")
public class DocumentResource {

    private final DocumentQueries documents;
    private final DocumentSearch search;
    private final ConceptQueries concepts;
    private final QueryConfig config;

    public DocumentResource(DocumentQueries documents, DocumentSearch search, ConceptQueries concepts, QueryConfig config) {
        this.documents = documents;
        this.search = search;
        this.concepts = concepts;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements({})
    @Operation(operationId = "searchDocuments", summary = "Search documents",
            description = "Full-text search (web-search syntax, ranked by ts_rank, highlighted snippets) filtered by "
                    + "concepts (all must be mentioned), entity types (each must occur) and publication date. Without "
                    + "q, documents come most recently indexed first. Facets: top concepts per type among the best "
                    + "matches.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchPage.class), examples = @ExampleObject(
            name = "search", value = """
            {"items":[{"id":"seed-000","version":1,"title":"Immune system and insulin","source":"seed",
              "published":"2023-06-01","indexedAt":"2026-11-23T19:10:00Z","mentionCount":42,"relationCount":5,
              "score":0.61,"snippet":"pro-inflammatory cytokines, such as <mark>interleukin</mark>-6 (IL-6)"}],
             "limit":20,"nextCursor":"ci0xMjM0","facets":{"GeneOrGeneProduct":[{"id":"NCBIGene:3569",
              "name":"interleukin 6","documentCount":3}]},"facetSample":1000}""")),
            description = "A page of matching documents")
    @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
    @APIResponse(responseCode = "406", ref = ApiDefinition.NOT_ACCEPTABLE)
    @APIResponse(responseCode = "503", ref = ApiDefinition.TIMED_OUT)
    public SearchPage list(
            @Parameter(description = "text query, web-search syntax: words, \"a phrase\", -excluded, or", example = "insulin resistance")
            @QueryParam("q") String q,
            @Parameter(description = "concept id the documents must mention; repeat or comma-separate for AND",
                    examples = @ExampleObject(name = "interleukin 6", value = "[\"NCBIGene:3569\"]"))
            @QueryParam("concept") List<String> concept,
            @Parameter(description = "entity type that must occur; repeat for AND",
                    examples = @ExampleObject(name = "chemicals", value = "[\"ChemicalEntity\"]"))
            @QueryParam("type") List<String> type,
            @Parameter(description = "published on or after (yyyy, yyyy-MM, yyyy-MM-dd)", example = "2020", schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"))
            @QueryParam("since") String since,
            @Parameter(description = "published on or before (yyyy, yyyy-MM, yyyy-MM-dd)", example = "2024-12-31", schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")) @QueryParam("until") String until,
            @Parameter(description = "opaque cursor from a previous page's nextCursor") @QueryParam("cursor") String cursor,
            @Parameter(description = "page size; clamped to the maximum, the response states the effective value", schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
            @QueryParam("limit") String limit,
            @Parameter(description = "compute facets (default true)", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("facets") String facets) {
        int effectiveLimit = Params.limit(limit, config.api().defaultLimit(), config.api().maxLimit());
        DocumentSearch.Filter filter = SearchParams.filter(q, concept, type, since, until, concepts);
        DocumentSearch.After after = cursor == null || cursor.isBlank() ? null : decodeCursor(cursor, filter);
        List<Hit> hits = search.search(filter, after, effectiveLimit);
        String next = null;
        if (hits.size() > effectiveLimit) {
            Hit last = hits.get(effectiveLimit - 1);
            next = Cursor.encode(fingerprint(filter), Float.toString(last.score()), Long.toString(last.seq()));
        }
        List<DocumentSummary> items = hits.stream().limit(effectiveLimit).map(Hit::summary).toList();
        boolean withFacets = Params.bool("facets", facets, true);
        int sample = config.api().facetSample();
        return new SearchPage(items, effectiveLimit, next,
                withFacets ? search.facets(filter, sample, config.api().facetsPerType()) : null,
                withFacets ? sample : null);
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.TEXT_PLAIN})
    @SecurityRequirements({})
    @Operation(operationId = "getDocument", summary = "A document with its text, metadata and annotations",
            description = "JSON by default; format=biocjson|biocxml|pubtator (or Accept: application/xml → BioC XML, "
                    + "text/plain → PubTator) returns the standard formats.")
    @APIResponse(responseCode = "200", description = "The document; BioC XML or PubTator text when asked for", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentDetail.class), examples = @ExampleObject(
            name = "document", value = """
            {"id":"doc-1","version":2,"title":"IL-6 and insulin resistance","text":"IL-6 and insulin resistance\\nIL-6 promotes insulin resistance.",
             "mentions":[{"start":0,"end":4,"text":"IL-6","type":"GeneOrGeneProduct","conceptId":"NCBIGene:3569","negated":false,"speculative":false}],
             "concepts":[{"id":"NCBIGene:3569","type":"GeneOrGeneProduct","name":"interleukin 6","xrefs":["HGNC:6018"],"mentions":2}],
             "relations":[{"type":"Positive_Correlation","subjectId":"NCBIGene:3569","objectId":"MESH:D007333","directed":true,
               "trigger":{"start":33,"end":41,"text":"promotes"},"sentence":{"start":28,"end":62,"text":"IL-6 promotes insulin resistance."},
               "negated":false,"speculative":false,"confidence":0.8,"belief":0.96,"evidenceCount":2}]}""")),
            @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING, description = "BioC XML")),
            @Content(mediaType = MediaType.TEXT_XML, schema = @Schema(type = SchemaType.STRING, description = "BioC XML")),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING, description = "PubTator"))})
    @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
    @APIResponse(responseCode = "406", ref = ApiDefinition.NOT_ACCEPTABLE)
    public Response get(@PathParam("id") String id,
                        @Parameter(description = "biocjson | biocxml | pubtator; default: the native JSON",
                                schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "biocjson", "biocxml", "pubtator"}))
                        @QueryParam("format") String format,
                        @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Format chosen = chooseFormat(format, accept);
        DocumentDetail doc = documents.find(id).orElseThrow(() -> ProblemException.notFound("document", id));
        if (chosen == null) {
            return Response.ok(doc, MediaType.APPLICATION_JSON_TYPE).build();
        }
        StreamingOutput body = out -> {
            DocumentWriter writer = chosen.writer(out);
            writer.start();
            writer.write(doc);
            writer.end();
        };
        return Response.ok(body, chosen.mediaType()).build();
    }

    /** The format parameter wins; otherwise Accept chooses XML or PubTator text; JSON is the default. */
    static Format chooseFormat(String format, String accept) {
        if (format != null && !format.isBlank()) {
            if (format.trim().equalsIgnoreCase("json")) {
                return null;
            }
            return Format.parse(format).orElseThrow(() -> ProblemException.badParameter("format",
                    "'" + format + "' is not one of json|" + Format.names()));
        }
        if (accept == null) {
            return null;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        if (a.contains("application/json") || a.contains("*/*")) {
            return null;
        }
        if (a.contains("xml")) {
            return Format.BIOCXML;
        }
        if (a.contains("text/plain") || a.contains("pubtator")) {
            return Format.PUBTATOR;
        }
        return null;
    }

    private static DocumentSearch.After decodeCursor(String cursor, DocumentSearch.Filter filter) {
        String[] keyset = Cursor.decode(cursor, 3);
        if (!keyset[0].equals(fingerprint(filter))) {
            throw ProblemException.badParameter("cursor", "belongs to a different query");
        }
        try {
            return new DocumentSearch.After(Float.parseFloat(keyset[1]), Long.parseLong(keyset[2]));
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter("cursor", "not a cursor returned by this endpoint");
        }
    }

    /** Ties a cursor to the query that produced it, so that it cannot silently page through another. */
    static String fingerprint(DocumentSearch.Filter filter) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(filter.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
