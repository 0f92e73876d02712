package io.litgraph.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.litgraph.events.Topics;
import io.litgraph.ingest.support.Kafka;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.litgraph.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Load harness, off by default: sustained ingest of small documents through /api/documents/batch, and
 * the time until all of them are on the topic. Run with
 * {@code mvn -o -pl ingest-service verify -Dtest=BatchLoadBenchmarkTest -Dlitgraph.bench=true
 * [-Dlitgraph.bench.documents=20000 -Dlitgraph.bench.batch=500]}.
 * The client is the JDK HTTP client and reads only the counts of each answer: it shares the CPU with the
 * service, the broker and the database, so it should cost as little as possible.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "litgraph.bench", matches = "true")
@QuarkusTestResource(value = KafkaBrokerResource.class, initArgs = @ResourceArg(name = "topics",
        value = Topics.DOCUMENTS + "," + Topics.STATUS + "," + Topics.DEAD_LETTER))
@QuarkusTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = "role", value = "litgraph_ingest"), @ResourceArg(name = "schema", value = "ingest")})
class BatchLoadBenchmarkTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/documents/batch")
    URI batch;

    @Test
    void sustainedSmallDocumentIngest() throws Exception {
        int documents = Integer.getInteger("litgraph.bench.documents", 10_000);
        int batchSize = Integer.getInteger("litgraph.bench.batch", 500);
        String run = UUID.randomUUID().toString().substring(0, 8);
        HttpClient http = HttpClient.newHttpClient();

        // one batch first, not timed: class loading and the JIT would otherwise count against the service
        post(http, ndjson("warmup-" + run, 0, batchSize));

        long start = System.nanoTime();
        int accepted = 0;
        for (int sent = 0; sent < documents; sent += batchSize) {
            accepted += post(http, ndjson(run, sent, Math.min(documents, sent + batchSize)));
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

    /** Lines {@code from} (inclusive) to {@code to} (exclusive): ~200-byte JSON documents with client ids. */
    private static byte[] ndjson(String run, int from, int to) {
        StringBuilder ndjson = new StringBuilder();
        for (int i = from; i < to; i++) {
            ndjson.append("{\"id\":\"bench-").append(run).append('-').append(i)
                    .append("\",\"title\":\"Interleukin-6 and insulin resistance ").append(i)
                    .append("\",\"text\":\"Adipose tissue secretes IL-6 and TNF-alpha, which impair insulin signalling in hepatocytes (sample ")
                    .append(i).append(").\"}\n");
        }
        return ndjson.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Posts one batch and returns how many lines were accepted. */
    private int post(HttpClient http, byte[] body) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(batch)
                .header("Authorization", "Bearer test-key").header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(202, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
        return JSON.readTree(response.body()).path("accepted").asInt();
    }
}
