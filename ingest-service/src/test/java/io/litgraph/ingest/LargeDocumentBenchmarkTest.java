package io.litgraph.ingest;

import io.litgraph.events.Topics;
import io.litgraph.ingest.support.Kafka;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.litgraph.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Load harness, off by default: sustained ingest of ~1 MB JSON documents, one per POST /api/documents, and
 * the time until all of them are on the topic. The production limits apply (10 MB of text, 16 MB bodies),
 * and the documents topic accepts 16 MB messages, as docs/INGEST.md advises for large documents. Run with
 * {@code mvn -o -pl ingest-service verify -Dtest=LargeDocumentBenchmarkTest -Dlitgraph.bench=true
 * [-Dlitgraph.bench.documents=100]}.
 */
@QuarkusTest
@TestProfile(LargeDocumentBenchmarkTest.ProductionLimits.class)
@EnabledIfSystemProperty(named = "litgraph.bench", matches = "true")
@QuarkusTestResource(value = KafkaBrokerResource.class, initArgs = @ResourceArg(name = "topics",
        value = Topics.DOCUMENTS + "," + Topics.STATUS + "," + Topics.DEAD_LETTER))
@QuarkusTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = "role", value = "litgraph_ingest"), @ResourceArg(name = "schema", value = "ingest")})
class LargeDocumentBenchmarkTest {
    private static final int TEXT_BYTES = 1_000_000;

    public static class ProductionLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("litgraph.ingest.max-text-bytes", "10485760", "litgraph.ingest.max-body-bytes", "16777216");
        }
    }

    @TestHTTPResource("/api/documents")
    URI documents;

    @Test
    void sustainedLargeDocumentIngest() throws Exception {
        int count = Integer.getInteger("litgraph.bench.documents", 50);
        String run = UUID.randomUUID().toString().substring(0, 8);
        allowLargeMessages(Topics.DOCUMENTS);
        HttpClient http = HttpClient.newHttpClient();

        post(http, document("warmup-" + run, 0)); // not timed: class loading and the JIT

        long start = System.nanoTime();
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            byte[] body = document(run, i);
            bytes += body.length;
            post(http, body);
        }
        double acceptSeconds = (System.nanoTime() - start) / 1e9;
        String prefix = "large-" + run + "-";
        int published = Kafka.await(Topics.DOCUMENTS, r -> r.key().startsWith(prefix), count, Duration.ofMinutes(5)).size();
        double publishSeconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("BENCH ingest large: %d documents of %.2f MB: accepted in %.1f s (%.1f docs/s, %.1f MB/s), "
                        + "all on %s after %.1f s (%.1f docs/s end to end)%n",
                count, bytes / 1e6 / count, acceptSeconds, count / acceptSeconds, bytes / 1e6 / acceptSeconds,
                Topics.DOCUMENTS, publishSeconds, count / publishSeconds);
        assertEquals(count, published);
    }

    /** A JSON document with ~1 MB of text: varied sentences, so neither the hash nor compression sees repeats. */
    private static byte[] document(String run, int n) {
        String[] sentences = {
                "Adipose tissue secretes interleukin-6 and TNF-alpha, which impair insulin signalling in hepatocytes",
                "Metformin lowers hepatic glucose output through AMPK activation in patients with type 2 diabetes",
                "Leptin resistance in the hypothalamus is associated with obesity and increased food intake",
                "GLP-1 receptor agonists reduce body weight and improve glycaemic control in clinical trials",
                "Chronic inflammation of visceral fat is linked to cardiovascular disease and fatty liver"};
        StringBuilder text = new StringBuilder(TEXT_BYTES + 200);
        for (int s = 0; text.length() < TEXT_BYTES; s++) {
            text.append(sentences[(s * 7 + n) % sentences.length]).append(" (cohort ").append(n).append('.').append(s)
                    .append(", n = ").append((s * 31 + n * 17) % 9973).append("). ");
        }
        String json = "{\"id\":\"large-" + run + "-" + n + "\",\"title\":\"Large document " + n + "\",\"text\":\"" + text + "\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private void post(HttpClient http, byte[] body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(documents)
                .header("Authorization", "Bearer test-key").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response::body);
    }

    private static void allowLargeMessages(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Kafka.bootstrap()))) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(
                    new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(16 * 1024 * 1024)),
                            AlterConfigOp.OpType.SET)))).all().get();
        }
    }
}
