package io.litgraph.query.rest;

import io.litgraph.query.config.QueryConfig;
import io.litgraph.query.model.ConceptMatch;
import io.litgraph.query.model.Page;
import io.litgraph.query.repository.ConceptQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/concepts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "concepts")
public class ConceptResource {

    private final ConceptQueries concepts;
    private final QueryConfig config;

    public ConceptResource(ConceptQueries concepts, QueryConfig config) {
        this.concepts = concepts;
        this.config = config;
    }

    @GET
    @Operation(summary = "Autocomplete concepts by name or synonym, best match and most documents first")
    public Page<ConceptMatch> autocomplete(
            @Parameter(description = "name prefix, e.g. interleukin") @QueryParam("q") String q,
            @Parameter(description = "entity type, e.g. GeneOrGeneProduct (aliases such as Gene accepted)")
            @QueryParam("type") String type,
            @Parameter(description = "maximum number of hits") @QueryParam("limit") String limit) {
        int effectiveLimit = Params.limit(limit, config.api().defaultLimit(), config.api().maxLimit());
        if (q != null && q.length() > 200) {
            throw ProblemException.badParameter("q", "longer than 200 characters");
        }
        return new Page<>(concepts.autocomplete(q, Params.entityType("type", type), effectiveLimit), effectiveLimit, null);
    }
}
