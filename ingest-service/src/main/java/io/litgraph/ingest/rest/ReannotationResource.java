package io.litgraph.ingest.rest;

import io.litgraph.ingest.service.Reannotation;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/admin/reannotate} (API key required, like every write): after the engine or the
 * vocabulary changed, sends every stored document through the stream again. Progress is visible in
 * query-service's {@code /api/stats} ({@code documentsByEngine}); {@code ./bin/litgraph reannotate} waits on it.
 */
@Path("/api/admin/reannotate")
@Tag(name = "admin")
public class ReannotationResource {
    private final Reannotation reannotation;

    public ReannotationResource(Reannotation reannotation) {
        this.reannotation = reannotation;
    }

    @Schema(name = "ReannotationQueued", requiredProperties = "queued")
    public record Queued(@Schema(description = "documents queued for publication", example = "1200") long queued) {
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = ApiDefinition.API_KEY)
    @Operation(operationId = "reannotateAll", summary = "Re-annotate every stored document with the current engine and vocabulary",
            description = "Queues the newest version of every document for publication; answers 202 with the count. "
                    + "Progress shows in query-service's /api/stats (documentsByEngine).")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Queued.class)))
    @APIResponse(responseCode = "401", ref = ApiDefinition.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDefinition.FORBIDDEN)
    public Response reannotate() {
        return Response.accepted(new Queued(reannotation.requeueAll())).build();
    }
}
