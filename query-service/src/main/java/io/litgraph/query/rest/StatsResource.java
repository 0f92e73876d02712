package io.litgraph.query.rest;

import io.litgraph.query.messaging.ConsumerLagProbe;
import io.litgraph.query.model.Stats;
import io.litgraph.query.repository.FailureRepository;
import io.litgraph.query.repository.StatsQueries;
import io.litgraph.query.service.CorpusStatsCache;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stats")
public class StatsResource {

    private final CorpusStatsCache corpus;
    private final StatsQueries stats;
    private final ConsumerLagProbe lag;
    private final FailureRepository failures;

    public StatsResource(CorpusStatsCache corpus, StatsQueries stats, ConsumerLagProbe lag, FailureRepository failures) {
        this.corpus = corpus;
        this.stats = stats;
        this.lag = lag;
        this.failures = failures;
    }

    @GET
    @SecurityRequirements({})
    @Operation(operationId = "getStats", summary = "Corpus counts by type, newest event time, consumer lag",
            description = "Corpus counts are recounted when a document has been stored (checked at most every "
                    + "litgraph.query.cache.refresh, 1 s by default); outbox, failures and consumer lag are read on every call.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Stats.class), examples = @ExampleObject(
            name = "stats", value = """
            {"documents":5,"concepts":120,"mentions":640,"relations":48,"conceptsByType":{"GeneOrGeneProduct":31},
             "mentionsByType":{"GeneOrGeneProduct":210},"relationsByType":{"Association":30},
             "newestEventTime":"2026-11-23T19:10:00Z","lastIndexedAt":"2026-11-23T19:10:01Z","outboxPending":0,"failures":0,
             "documentsByEngine":[{"engine":"litgraph-nlp","engineVersion":"0.1.0","vocabularyVersion":"builtin-1","documents":5}],
             "consumer":{"group":"query-service","topic":"litgraph.annotations.v1","lag":0,
              "partitions":[{"partition":0,"committed":12,"end":12,"lag":0}]}}""")), description = "The counts")
    @APIResponse(responseCode = "406", ref = ApiDefinition.NOT_ACCEPTABLE)
    @APIResponse(responseCode = "503", ref = ApiDefinition.TIMED_OUT)
    public Stats get() {
        CorpusStatsCache.Corpus c = corpus.current();
        StatsQueries.Totals totals = c.totals();
        return new Stats(totals.documents(), c.conceptsByType().values().stream().mapToLong(Long::longValue).sum(),
                totals.mentions(), totals.relations(), c.conceptsByType(), c.mentionsByType(), c.relationsByType(),
                totals.newestEvent(), totals.lastIndexed(), stats.outboxPending(), failures.count(),
                c.documentsByEngine(), lag.lag());
    }
}
