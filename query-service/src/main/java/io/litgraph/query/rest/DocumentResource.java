package io.litgraph.query.rest;

import io.litgraph.query.config.QueryConfig;
import io.litgraph.query.model.DocumentDetail;
import io.litgraph.query.model.DocumentSummary;
import io.litgraph.query.model.Page;
import io.litgraph.query.repository.DocumentQueries;
import io.litgraph.query.repository.DocumentQueries.Keyed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "documents")
public class DocumentResource {

    private final DocumentQueries documents;
    private final QueryConfig config;

    public DocumentResource(DocumentQueries documents, QueryConfig config) {
        this.documents = documents;
        this.config = config;
    }

    @GET
    @Operation(summary = "List documents, most recently indexed first")
    public Page<DocumentSummary> list(
            @Parameter(description = "page size (clamped to the maximum; the response states the effective value)")
            @QueryParam("limit") String limit,
            @Parameter(description = "opaque cursor from a previous page's nextCursor") @QueryParam("cursor") String cursor) {
        int effectiveLimit = Params.limit(limit, config.api().defaultLimit(), config.api().maxLimit());
        Long before = cursor == null || cursor.isBlank() ? null : Cursor.decodeLong(cursor);
        List<Keyed<DocumentSummary>> rows = documents.newest(effectiveLimit, before);
        String next = rows.size() > effectiveLimit ? Cursor.encode(Long.toString(rows.get(effectiveLimit - 1).seq())) : null;
        return new Page<>(rows.stream().limit(effectiveLimit).map(Keyed::row).toList(), effectiveLimit, next);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A document with its text, metadata and annotations")
    public DocumentDetail get(@PathParam("id") String id) {
        return documents.find(id).orElseThrow(() -> ProblemException.notFound("document", id));
    }
}
