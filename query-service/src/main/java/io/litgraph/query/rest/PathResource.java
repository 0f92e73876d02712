package io.litgraph.query.rest;

import io.litgraph.query.config.QueryConfig;
import io.litgraph.query.model.PathResult;
import io.litgraph.query.repository.GraphQueries.ConceptRow;
import io.litgraph.query.repository.GraphQueries;
import io.litgraph.query.service.PathService;
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

@Path("/api/paths")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "relations")
public class PathResource {
    private static final int MAX_HOPS = 3;

    private final GraphQueries graph;
    private final PathService paths;
    private final QueryConfig config;

    public PathResource(GraphQueries graph, PathService paths, QueryConfig config) {
        this.graph = graph;
        this.paths = paths;
        this.config = config;
    }

    @GET
    @SecurityRequirements({})
    @Operation(operationId = "findPaths", summary = "Best-supported chains of extracted relations linking two concepts",
            description = "At most 3 hops over affirmed relations with belief >= minBelief (default 0.8; walked in "
                    + "either direction; each hop reports the relations' own direction). Ranked by the path's belief, "
                    + "the product of its hops' beliefs (a hop's: its best relation's), then fewer hops, then the "
                    + "weakest hop's document support. "
                    + "Bounded by fan-out per concept and a time budget; truncated=true says the bound was hit.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PathResult.class), examples = @ExampleObject(
            name = "loneliness to insulin resistance", value = """
            {"from":"MESH:D008132","to":"MESH:D007333","maxHops":3,"limit":10,"minBelief":0.8,"truncated":false,"paths":[
              {"concepts":["MESH:D008132","NCBIGene:3569","MESH:D007333"],"belief":0.9216,"support":2,"hops":[
                {"from":{"id":"MESH:D008132","name":"Loneliness","type":"Behavior"},
                 "to":{"id":"NCBIGene:3569","name":"interleukin 6","type":"GeneOrGeneProduct"},
                 "relations":[{"type":"Positive_Correlation","subjectId":"MESH:D008132","objectId":"NCBIGene:3569","directed":true,"documents":2,"belief":0.96}],
                 "evidence":[{"documentId":"doc-1","sentence":{"start":60,"end":110,"text":"Loneliness raises interleukin 6 (IL-6) in older adults."}}]}]}]}""")),
            description = "The paths, best first")
    @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiDefinition.NOT_FOUND)
    @APIResponse(responseCode = "406", ref = ApiDefinition.NOT_ACCEPTABLE)
    @APIResponse(responseCode = "503", ref = ApiDefinition.TIMED_OUT)
    public PathResult find(@Parameter(description = "start concept id", required = true, example = "MESH:D008132") @QueryParam("from") String from,
                           @Parameter(description = "end concept id", required = true, example = "MESH:D007333") @QueryParam("to") String to,
                           @Parameter(description = "1..3 (default 3)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "3")) @QueryParam("maxHops") String maxHops,
                           @Parameter(description = "least affirmed documents per hop (default 1)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("minDocs") String minDocs,
                           @Parameter(description = "least belief per hop, 0..1 (default 0.8, configurable; 0 walks all)", schema = @Schema(type = SchemaType.NUMBER, minimum = "0", maximum = "1"))
                           @QueryParam("minBelief") String minBelief,
                           @Parameter(description = "only relations of this type") @QueryParam("relation") String relation,
                           @Parameter(description = "maximum paths (default 10, clamped)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("limit") String limit) {
        ConceptRow start = required("from", from);
        ConceptRow end = required("to", to);
        if (start.id().equals(end.id())) {
            throw ProblemException.badParameter("to", "must differ from 'from'");
        }
        int hops = maxHops == null || maxHops.isBlank() ? MAX_HOPS : Params.integer("maxHops", maxHops);
        if (hops < 1 || hops > MAX_HOPS) {
            throw ProblemException.badParameter("maxHops", "must be between 1 and " + MAX_HOPS);
        }
        int min = minDocs == null || minDocs.isBlank() ? 1 : Params.integer("minDocs", minDocs);
        if (min < 1) {
            throw ProblemException.badParameter("minDocs", "must be at least 1");
        }
        int effectiveLimit = Params.limit(limit, 10, config.api().maxLimit());
        double least = Params.minBelief(minBelief, config.belief().defaultMin());
        return paths.find(start, end, hops, effectiveLimit, min, least, relation == null || relation.isBlank() ? null : relation.trim());
    }

    private ConceptRow required(String parameter, String id) {
        if (id == null || id.isBlank()) {
            throw ProblemException.badParameter(parameter, "is required");
        }
        return graph.concept(id.trim()).orElseThrow(() -> new ProblemException(404, "Not found",
                "concept '" + id.trim() + "' does not exist",
                List.of(new Problem.ParameterError(parameter, "unknown concept '" + id.trim() + "'"))));
    }
}
