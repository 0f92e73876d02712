package io.litgraph.ingest.rest;

import io.litgraph.ingest.service.Reannotation;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /api/admin/reannotate} (API key required, like every write): after the engine or the
 * vocabulary changed, sends every stored document through the stream again. Progress is visible in
 * query-service's {@code /api/stats} ({@code documentsByEngine}); {@code ./bin/litgraph reannotate} waits on it.
 */
@Path("/api/admin/reannotate")
public class ReannotationResource {
    private final Reannotation reannotation;

    public ReannotationResource(Reannotation reannotation) {
        this.reannotation = reannotation;
    }

    public record Queued(long queued) {
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-annotate every stored document with the current engine and vocabulary",
            description = "Queues the newest version of every document for publication; answers 202 with the count.")
    public Response reannotate() {
        return Response.accepted(new Queued(reannotation.requeueAll())).build();
    }
}
