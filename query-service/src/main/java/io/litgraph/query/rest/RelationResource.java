package io.litgraph.query.rest;

import io.litgraph.query.config.QueryConfig;
import io.litgraph.query.model.Page;
import io.litgraph.query.model.RelationEvidence;
import io.litgraph.query.repository.GraphQueries.KeyedEvidence;
import io.litgraph.query.repository.GraphQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

@Path("/api/relations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "relations")
public class RelationResource {

    private final GraphQueries graph;
    private final QueryConfig config;

    public RelationResource(GraphQueries graph, QueryConfig config) {
        this.graph = graph;
        this.config = config;
    }

    @GET
    @SecurityRequirements({})
    @Operation(operationId = "listRelations", summary = "Extracted relations with their evidence sentences",
            description = "Relations with belief >= minBelief (default litgraph.query.belief.default-min, 0.8; minBelief=0 "
                    + "shows all), highest belief first, each relation's sentences in document id order. Every item "
                    + "carries its relation's belief and evidence count. An undirected relation matches subject/object "
                    + "either way round. Negated evidence is left out unless includeNegated=true.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiSchemas.RelationEvidencePage.class), examples = @ExampleObject(
            name = "evidence", value = """
            {"items":[{"documentId":"doc-1","documentTitle":"IL-6 and insulin resistance","type":"Positive_Correlation",
              "directed":true,"subject":{"id":"NCBIGene:3569","name":"interleukin 6","type":"GeneOrGeneProduct",
              "span":{"start":28,"end":32,"text":"IL-6"}},"object":{"id":"MESH:D007333","name":"Insulin Resistance",
              "type":"DiseaseOrPhenotypicFeature","span":{"start":42,"end":60,"text":"insulin resistance"}},
              "trigger":{"start":33,"end":41,"text":"promotes"},"sentence":{"start":28,"end":61,"text":"IL-6 promotes insulin resistance."},
              "negated":false,"speculative":false,"confidence":0.8,"belief":0.96,"evidenceCount":2}],"limit":20,"nextCursor":"MC45Nh"}""")),
            description = "A page of relation evidence")
    @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
    @APIResponse(responseCode = "406", ref = ApiDefinition.NOT_ACCEPTABLE)
    @APIResponse(responseCode = "503", ref = ApiDefinition.TIMED_OUT)
    public Page<RelationEvidence> list(
            @Parameter(description = "subject concept id", example = "NCBIGene:3569") @QueryParam("subject") String subject,
            @Parameter(description = "object concept id", example = "MESH:D007333") @QueryParam("object") String object,
            @Parameter(description = "relation type", example = "Positive_Correlation") @QueryParam("type") String type,
            @Parameter(description = "include negated evidence (default false)", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("includeNegated") String includeNegated,
            @Parameter(description = "least relation belief, 0..1 (default 0.8, configurable; 0 shows all)", schema = @Schema(type = SchemaType.NUMBER, minimum = "0", maximum = "1"))
            @QueryParam("minBelief") String minBelief,
            @Parameter(description = "opaque cursor from a previous page's nextCursor") @QueryParam("cursor") String cursor,
            @Parameter(description = "page size (clamped)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("limit") String limit) {
        int effectiveLimit = Params.limit(limit, config.api().defaultLimit(), config.api().maxLimit());
        String s = known("subject", subject);
        String o = known("object", object);
        double least = Params.minBelief(minBelief, config.belief().defaultMin());
        GraphQueries.EvidenceKey after = null;
        if (cursor != null && !cursor.isBlank()) {
            String[] keyset = Cursor.decode(cursor, 6);
            try {
                after = new GraphQueries.EvidenceKey(Double.parseDouble(keyset[0]), keyset[1], keyset[2], keyset[3],
                        keyset[4], Integer.parseInt(keyset[5]));
            } catch (NumberFormatException e) {
                throw ProblemException.badParameter("cursor", "not a cursor returned by this endpoint");
            }
        }
        List<KeyedEvidence> rows = graph.evidence(s, o, type == null || type.isBlank() ? null : type.trim(),
                Params.bool("includeNegated", includeNegated, false), least, after, effectiveLimit);
        String next = null;
        if (rows.size() > effectiveLimit) {
            GraphQueries.EvidenceKey last = rows.get(effectiveLimit - 1).key();
            next = Cursor.encode(Double.toString(last.belief()), last.subjectId(), last.objectId(), last.type(),
                    last.documentId(), Integer.toString(last.idx()));
        }
        return new Page<>(rows.stream().limit(effectiveLimit).map(KeyedEvidence::evidence).toList(), effectiveLimit, next);
    }

    private String known(String parameter, String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        String trimmed = id.trim();
        if (graph.concept(trimmed).isEmpty()) {
            throw new ProblemException(404, "Not found", "concept '" + trimmed + "' does not exist",
                    List.of(new Problem.ParameterError(parameter, "unknown concept '" + trimmed + "'")));
        }
        return trimmed;
    }
}
