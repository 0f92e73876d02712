package io.litgraph.ingest;

import io.litgraph.events.Topics;
import io.litgraph.ingest.support.Kafka;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.litgraph.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Load harness, off by default: sustained ingest of small documents through /api/documents/batch, and
 * the time until all of them are on the topic. Run with
 * {@code mvn -o -pl ingest-service verify -Dtest=BatchLoadBenchmarkTest -Dlitgraph.bench=true
 * [-Dlitgraph.bench.documents=20000 -Dlitgraph.bench.batch=500]}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "litgraph.bench", matches = "true")
@QuarkusTestResource(value = KafkaBrokerResource.class, initArgs = @ResourceArg(name = "topics",
        value = Topics.DOCUMENTS + "," + Topics.STATUS + "," + Topics.DEAD_LETTER))
@QuarkusTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = "role", value = "litgraph_ingest"), @ResourceArg(name = "schema", value = "ingest")})
class BatchLoadBenchmarkTest {

    @Test
    void sustainedSmallDocumentIngest() {
        int documents = Integer.getInteger("litgraph.bench.documents", 10_000);
        int batchSize = Integer.getInteger("litgraph.bench.batch", 500);
        String run = UUID.randomUUID().toString().substring(0, 8);

        long start = System.nanoTime();
        int accepted = 0;
        for (int sent = 0; sent < documents; sent += batchSize) {
            StringBuilder ndjson = new StringBuilder();
            for (int i = sent; i < Math.min(documents, sent + batchSize); i++) {
                ndjson.append("{\"id\":\"bench-").append(run).append('-').append(i)
                        .append("\",\"title\":\"Interleukin-6 and insulin resistance ").append(i)
                        .append("\",\"text\":\"Adipose tissue secretes IL-6 and TNF-alpha, which impair insulin signalling in hepatocytes (sample ")
                        .append(i).append(").\"}\n");
            }
            accepted += given().header("Authorization", "Bearer test-key").contentType("application/x-ndjson")
                    .body(ndjson.toString().getBytes(StandardCharsets.UTF_8)).post("/api/documents/batch")
                    .then().statusCode(202).extract().<Integer>path("accepted");
        }
        double acceptSeconds = (System.nanoTime() - start) / 1e9;
        String prefix = "bench-" + run + "-";
        int published = Kafka.await(Topics.DOCUMENTS, r -> r.key().startsWith(prefix), documents, Duration.ofMinutes(5)).size();
        double publishSeconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("BENCH ingest: %d documents in batches of %d: accepted in %.1f s (%.0f docs/s), "
                        + "all on %s after %.1f s (%.0f docs/s end to end)%n",
                documents, batchSize, acceptSeconds, documents / acceptSeconds, Topics.DOCUMENTS, publishSeconds,
                documents / publishSeconds);
        assertEquals(documents, accepted);
        assertEquals(documents, published);
    }
}
