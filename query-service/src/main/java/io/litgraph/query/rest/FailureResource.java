package io.litgraph.query.rest;

import io.litgraph.query.config.QueryConfig;
import io.litgraph.query.model.FailurePage;
import io.litgraph.query.repository.FailureRepository.KeyedFailure;
import io.litgraph.query.repository.FailureRepository;
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

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

@Path("/api/failures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stats")
public class FailureResource {

    private final FailureRepository failures;
    private final QueryConfig config;

    public FailureResource(FailureRepository failures, QueryConfig config) {
        this.failures = failures;
        this.config = config;
    }

    @GET
    @SecurityRequirements({})
    @Operation(operationId = "listFailures", summary = "Recent pipeline failures with their reasons",
            description = "FAILED status events (litgraph.document-status.v1) and dead-lettered records "
                    + "(litgraph.dead-letter.v1), newest first. A FAILED status disappears once the same or a newer "
                    + "version of its document is indexed; a dead letter keyed by a document once that document is "
                    + "indexed after it. Only the newest maxStored are kept.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FailurePage.class), examples = @ExampleObject(
            name = "failures", value = """
            {"items":[{"kind":"status","documentId":"doc-x","documentVersion":2,"documentIndexed":true,
               "service":"entity-service","stage":"annotation","reason":"passage offsets overlap",
               "occurredAt":"2026-11-23T19:11:02Z"},
              {"kind":"dead-letter","documentId":"doc-y","documentIndexed":false,"service":"query-service",
               "stage":"indexing","reason":"Unexpected character ('n' (code 110))",
               "errorClass":"com.fasterxml.jackson.core.JsonParseException","sourceTopic":"litgraph.annotations.v1",
               "sourcePartition":2,"sourceOffset":17,"occurredAt":"2026-11-23T19:10:40Z"}],
             "limit":20,"nextCursor":"MjAyNi0xMS0yM1QxOToxMDo0MFofNDI","stored":2,"maxStored":1000}""")),
            description = "A page of failures, newest first")
    @APIResponse(responseCode = "400", ref = ApiDefinition.BAD_REQUEST)
    @APIResponse(responseCode = "406", ref = ApiDefinition.NOT_ACCEPTABLE)
    @APIResponse(responseCode = "503", ref = ApiDefinition.TIMED_OUT)
    public FailurePage list(
            @Parameter(description = "opaque cursor from a previous page's nextCursor") @QueryParam("cursor") String cursor,
            @Parameter(description = "page size (clamped)", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("limit") String limit) {
        int effectiveLimit = Params.limit(limit, config.api().defaultLimit(), config.api().maxLimit());
        FailureRepository.Key after = null;
        if (cursor != null && !cursor.isBlank()) {
            String[] keyset = Cursor.decode(cursor.trim(), 2);
            try {
                after = new FailureRepository.Key(Instant.parse(keyset[0]), Long.parseLong(keyset[1]));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw ProblemException.badParameter("cursor", "not a cursor returned by this endpoint");
            }
        }
        List<KeyedFailure> rows = failures.page(after, effectiveLimit + 1);
        String next = null;
        if (rows.size() > effectiveLimit) {
            FailureRepository.Key last = rows.get(effectiveLimit - 1).key();
            next = Cursor.encode(last.occurredAt().toString(), Long.toString(last.id()));
        }
        return new FailurePage(rows.stream().limit(effectiveLimit).map(KeyedFailure::failure).toList(), effectiveLimit,
                next, failures.count(), config.failures().maxStored());
    }
}
