package io.litgraph.query.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.litgraph.query.format.GraphFormat;
import io.litgraph.query.format.GraphWriter;
import io.litgraph.query.repository.GraphExportQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

@Path("/api/graph/export")
@Tag(name = "relations")
public class GraphExportResource {
    private final GraphExportQueries queries;
    private final ObjectMapper json;

    public GraphExportResource(GraphExportQueries queries, ObjectMapper json) {
        this.queries = queries;
        this.json = json;
    }

    @GET
    @Produces({GraphFormat.ZIP, "application/x-ndjson", "text/tab-separated-values", "text/csv"})
    @SecurityRequirements({})
    @Operation(operationId = "exportGraph", summary = "Stream the whole graph as KGX (Biolink) or CSV",
            description = "Every concept (node) and every extracted relation (edge) with at least one affirmed document, "
                    + "from one consistent snapshot, streamed with no size cap. kgx-jsonl and kgx-tsv give a zip holding "
                    + "nodes.{jsonl,tsv} and edges.{jsonl,tsv} (both from the same snapshot), or one of the two files alone "
                    + "with part=nodes|edges. csv gives one row per edge with both ends named. Edges carry the Biolink "
                    + "predicate mapped from the BioRED type (kept as biored_relation_type), publications, counts, belief, "
                    + "knowledge_level, agent_type and primary_knowledge_source (see docs/QUERY-API.md).")
    @APIResponse(responseCode = "200", description = "The graph, as an attachment", content = {
            @Content(mediaType = GraphFormat.ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary",
                    description = "zip of nodes.jsonl and edges.jsonl (or .tsv)")),
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING,
                    description = "KGX JSON Lines, one node or edge per line (part=nodes|edges)")),
            @Content(mediaType = "text/tab-separated-values", schema = @Schema(type = SchemaType.STRING,
                    description = "KGX TSV with a header line, lists joined by '|' (part=nodes|edges)")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "RFC 4180 CSV, one edge per row, with a header line"))})
    @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
    @APIResponse(responseCode = "406", ref = ApiDefinition.NOT_ACCEPTABLE)
    public Response export(
            @Parameter(description = "kgx-jsonl | kgx-tsv | csv", required = true,
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"kgx-jsonl", "kgx-tsv", "csv"}))
            @QueryParam("format") String format,
            @Parameter(description = "KGX formats only: nodes or edges alone instead of a zip of both",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"nodes", "edges"}))
            @QueryParam("part") String part,
            @Parameter(description = "least affirmed supporting documents of an edge and mentioning documents of a node (default 1)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
            @QueryParam("minDocuments") String minDocuments,
            @Parameter(description = "entity type(s) of the nodes and of both ends of every edge (aliases such as Gene accepted)",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
            @QueryParam("types") List<String> types,
            @Parameter(description = "only edges with a supporting document (nodes with a mentioning document) published on or after (yyyy, yyyy-MM, yyyy-MM-dd)",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"))
            @QueryParam("since") String since) {
        if (format == null || format.isBlank()) {
            throw ProblemException.badParameter("format", "give one of " + GraphFormat.names());
        }
        GraphFormat chosen = GraphFormat.parse(format).orElseThrow(
                () -> ProblemException.badParameter("format", "'" + format + "' is not one of " + GraphFormat.names()));
        String only = part == null || part.isBlank() ? null : part.trim().toLowerCase(Locale.ROOT);
        if (only != null && !only.equals("nodes") && !only.equals("edges")) {
            throw ProblemException.badParameter("part", "'" + part + "' is not one of [nodes, edges]");
        }
        if (only != null && !chosen.kgx()) {
            throw ProblemException.badParameter("part", "only for kgx-jsonl and kgx-tsv; csv is edges only");
        }
        int min = minDocuments == null || minDocuments.isBlank() ? 1 : Params.integer("minDocuments", minDocuments);
        if (min < 1) {
            throw ProblemException.badParameter("minDocuments", "must be at least 1");
        }
        List<String> typeNames = SearchParams.split(types).stream().map(t -> Params.entityType("types", t)).distinct().toList();
        LocalDate from = SearchParams.date("since", since, false);
        GraphExportQueries.Filter filter = new GraphExportQueries.Filter(min, typeNames, from);

        boolean zipped = chosen.kgx() && only == null;
        boolean nodes = chosen.kgx() && !"edges".equals(only);
        boolean edges = !"nodes".equals(only);
        StreamingOutput body = out -> {
            GraphWriter writer = new GraphWriter(chosen, json, out, zipped);
            queries.export(filter, nodes, edges, writer);
            writer.finish();
        };
        String name = "litgraph-graph" + (only == null ? "" : "-" + only) + "." + (zipped ? "zip" : chosen.extension());
        return Response.ok(body, zipped ? GraphFormat.ZIP : chosen.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }
}
