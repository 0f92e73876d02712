package io.litgraph.query.rest;

import io.litgraph.query.config.QueryConfig;
import io.litgraph.query.model.ConceptDetail;
import io.litgraph.query.model.ConceptMatch;
import io.litgraph.query.model.NeighborPage;
import io.litgraph.query.model.Page;
import io.litgraph.query.repository.ConceptQueries;
import io.litgraph.query.repository.GraphQueries;
import io.litgraph.query.service.AutocompleteCache;
import io.litgraph.query.service.ConceptService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;

@Path("/api/concepts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "concepts")
public class ConceptResource {

    private final AutocompleteCache concepts;
    private final GraphQueries graph;
    private final ConceptService service;
    private final ConceptQueries conceptQueries;
    private final QueryConfig config;

    public ConceptResource(AutocompleteCache concepts, GraphQueries graph, ConceptService service,
                           ConceptQueries conceptQueries, QueryConfig config) {
        this.concepts = concepts;
        this.conceptQueries = conceptQueries;
        this.graph = graph;
        this.service = service;
        this.config = config;
    }

    @GET
    @SecurityRequirements({})
    @Operation(operationId = "autocompleteConcepts", summary = "Autocomplete concepts by name or synonym",
            description = "Exact name, then name prefix, then word prefix; ties by document frequency. Synonyms include "
                    + "every surface form the corpus used for the concept. Only concepts mentioned in a document. Without q, "
                    + "every concept, most documented first. nextCursor (absent on the last page) gives the next page; a "
                    + "cursor only continues the q and type it was made for.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.ConceptMatchPage.class), examples = @ExampleObject(
            name = "interleukin", value = """
            {"items":[{"id":"NCBIGene:3569","type":"GeneOrGeneProduct","name":"interleukin 6","matched":"interleukin 6",
              "documentCount":4,"mentionCount":17}],"limit":1,"nextCursor":"bwExaW50ZXJsZXVraW4f"}""")), description = "Matching concepts, best first")
    @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
    @APIResponse(responseCode = "406", ref = ApiDefinition.NOT_ACCEPTABLE)
    @APIResponse(responseCode = "503", ref = ApiDefinition.TIMED_OUT)
    public Page<ConceptMatch> autocomplete(
            @Parameter(description = "name prefix", example = "interleukin", schema = @Schema(type = SchemaType.STRING, maxLength = 200)) @QueryParam("q") String q,
            @Parameter(description = "entity type, e.g. GeneOrGeneProduct (aliases such as Gene accepted)")
            @QueryParam("type") String type,
            @Parameter(description = "opaque cursor from a previous page's nextCursor (same q and type)") @QueryParam("cursor") String cursor,
            @Parameter(description = "maximum number of hits (clamped)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("limit") String limit) {
        int effectiveLimit = Params.limit(limit, config.api().defaultLimit(), config.api().maxLimit());
        if (q != null && q.length() > 200) {
            throw ProblemException.badParameter("q", "longer than 200 characters");
        }
        String entityType = Params.entityType("type", type);
        String needle = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        ConceptCursor after = cursor == null || cursor.isBlank() ? null : ConceptCursor.decode(cursor, needle, entityType);
        List<ConceptMatch> rows;
        int offset = 0;
        if (after != null && after.lastId() != null) {
            rows = conceptQueries.mostDocumented(entityType, after.lastDocuments(), after.lastId(), effectiveLimit + 1);
        } else {
            offset = after == null ? 0 : after.offset();
            List<ConceptMatch> ranked = concepts.autocomplete(q, entityType, offset + effectiveLimit + 1);
            rows = ranked.subList(Math.min(offset, ranked.size()), ranked.size());
        }
        List<ConceptMatch> items = rows.stream().limit(effectiveLimit).toList();
        String next = null;
        if (rows.size() > effectiveLimit) {
            ConceptMatch last = items.get(items.size() - 1);
            // without q the order is a keyset (documents, id); a text query's ranking is not, so its pages are
            // offsets into the ranking, which is bounded by the search's candidate limits
            next = needle.isEmpty() ? ConceptCursor.keyset(entityType, last.documentCount(), last.id())
                    : ConceptCursor.offset(needle, entityType, offset + effectiveLimit);
        }
        return new Page<>(items, effectiveLimit, next);
    }

    @GET
    @Path("/{id}")
    @SecurityRequirements({})
    @Operation(operationId = "getConcept", summary = "A concept: names, synonyms, cross-references with links, counts, top related concepts per type")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConceptDetail.class), examples = @ExampleObject(
            name = "IL6", value = """
            {"id":"NCBIGene:3569","type":"GeneOrGeneProduct","name":"interleukin 6","url":"https://www.ncbi.nlm.nih.gov/gene/3569",
             "synonyms":[{"name":"interleukin 6","mentionCount":3,"preferred":true},{"name":"IL-6","mentionCount":12,"preferred":false}],
             "xrefs":[{"id":"HGNC:6018","url":"https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/HGNC:6018"}],
             "documentCount":4,"mentionCount":17,
             "related":{"DiseaseOrPhenotypicFeature":[{"id":"MESH:D007333","name":"Insulin Resistance","documentCount":3}]}}""")),
            description = "The concept")
    @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
    @APIResponse(responseCode = "406", ref = ApiDefinition.NOT_ACCEPTABLE)
    @APIResponse(responseCode = "503", ref = ApiDefinition.TIMED_OUT)
    public ConceptDetail get(@PathParam("id") String id) {
        return service.detail(id, config.api().facetsPerType())
                .orElseThrow(() -> ProblemException.notFound("concept", id));
    }

    @GET
    @Path("/{id}/neighbors")
    @SecurityRequirements({})
    @Operation(operationId = "getConceptNeighbors", summary = "Concepts linked to this one by co-occurrence and extracted relations",
            description = "Each neighbour with its document support, PMI and log-likelihood ratio (G², signed) against "
                    + "corpus frequency, and extracted relations by type and direction with their belief. Relations below "
                    + "minBelief (default 0.8) are left out. Neighbours linked by a relation come first, highest belief "
                    + "first (then relation documents), then co-occurring ones by G². Negated relation evidence is not "
                    + "counted unless includeNegated=true; co-occurrence always counts affirmed mentions only.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NeighborPage.class), examples = @ExampleObject(
            name = "neighbours", value = """
            {"conceptId":"NCBIGene:3569","corpusDocuments":120,"minBelief":0.8,"limit":20,"items":[{"id":"MESH:D007333",
              "type":"DiseaseOrPhenotypicFeature","name":"Insulin Resistance","documentCount":9,
              "cooccurrence":{"documents":4,"pmi":3.1,"llr":14.2},
              "relations":[{"type":"Positive_Correlation","direction":"outgoing","documents":3,"evidence":4,"negatedDocuments":0,
                "belief":0.9984}],"belief":0.9984,"score":14.2}],"nextCursor":"MC45OTg0HzMfMTQuMh9NRVNIOkQwMDczMzM"}""")), description = "The neighbours, best first")
    @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
    @APIResponse(responseCode = "406", ref = ApiDefinition.NOT_ACCEPTABLE)
    @APIResponse(responseCode = "503", ref = ApiDefinition.TIMED_OUT)
    public NeighborPage neighbors(@PathParam("id") String id,
                                  @Parameter(description = "entity type of the neighbours") @QueryParam("type") String type,
                                  @Parameter(description = "only neighbours linked by this relation type", example = "Positive_Correlation")
                                  @QueryParam("relation") String relation,
                                  @Parameter(description = "least supporting documents (default 1)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("minDocs") String minDocs,
                                  @Parameter(description = "count negated relation evidence too (default false)", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("includeNegated") String includeNegated,
                                  @Parameter(description = "least relation belief, 0..1 (default 0.8, configurable; 0 shows all)", schema = @Schema(type = SchemaType.NUMBER, minimum = "0", maximum = "1"))
                                  @QueryParam("minBelief") String minBelief,
                                  @Parameter(description = "opaque cursor from a previous page's nextCursor") @QueryParam("cursor") String cursor,
                                  @Parameter(description = "maximum neighbours (clamped)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("limit") String limit) {
        int effectiveLimit = Params.limit(limit, config.api().defaultLimit(), config.api().maxLimit());
        int min = minDocs == null || minDocs.isBlank() ? 1 : Params.integer("minDocs", minDocs);
        if (min < 1) {
            throw ProblemException.badParameter("minDocs", "must be at least 1");
        }
        String relationType = relation == null || relation.isBlank() ? null : relation.trim();
        double least = Params.minBelief(minBelief, config.belief().defaultMin());
        ConceptService.NeighborKey after = null;
        if (cursor != null && !cursor.isBlank()) {
            String[] key = Cursor.decode(cursor, 4);
            try {
                after = new ConceptService.NeighborKey(Double.parseDouble(key[0]), Integer.parseInt(key[1]),
                        Double.parseDouble(key[2]), key[3]);
            } catch (NumberFormatException e) {
                throw ProblemException.badParameter("cursor", "not a cursor returned by this endpoint");
            }
        }
        GraphQueries.ConceptRow concept = graph.concept(id).orElseThrow(() -> ProblemException.notFound("concept", id));
        ConceptService.Neighbors found = service.neighbors(concept, Params.entityType("type", type), relationType, min,
                Params.bool("includeNegated", includeNegated, false), least, after, effectiveLimit);
        NeighborPage page = found.page();
        if (found.last() == null) {
            return page;
        }
        ConceptService.NeighborKey last = found.last();
        return new NeighborPage(page.conceptId(), page.corpusDocuments(), page.minBelief(), page.items(), page.limit(),
                Cursor.encode(Double.toString(last.belief()), Integer.toString(last.relationDocuments()),
                        Double.toString(last.score()), last.id()));
    }
}
