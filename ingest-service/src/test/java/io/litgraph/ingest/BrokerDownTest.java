package io.litgraph.ingest;

import io.litgraph.events.DocumentEvent;
import io.litgraph.events.EventJson;
import io.litgraph.events.Topics;
import io.litgraph.ingest.support.Kafka;
import io.litgraph.ingest.support.RestartableKafkaResource;
import io.litgraph.testsupport.PostgresResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Nothing lost: with the broker down, submissions still get 202 and are published once it returns. */
@QuarkusTest
@TestProfile(BrokerDownTest.OwnBroker.class)
class BrokerDownTest {

    public static class OwnBroker implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RestartableKafkaResource.class),
                    new TestResourceEntry(PostgresResource.class, Map.of("role", "litgraph_ingest", "schema", "ingest")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // retry quickly so the test does not wait for the production back-off ceiling
            return Map.of("litgraph.ingest.relay.max-backoff", "1s", "litgraph.ingest.relay.send-timeout", "5s");
        }
    }

    @Test
    void documentsSubmittedWhileTheBrokerIsDownArePublishedWhenItReturns() throws Exception {
        String before = submit("Broker up: adipokines " + UUID.randomUUID());
        awaitEvent(before);

        RestartableKafkaResource.stopBrokers();
        boolean restarted = false;
        try {
            String during = submit("Broker down: leptin resistance " + UUID.randomUUID());
            Thread.sleep(3000);
            given().get("/api/documents/" + during + "/status").then().statusCode(200).body("stage", equalTo("ACCEPTED"));
            String alsoDuring = submit("Broker down: adiponectin " + UUID.randomUUID());

            RestartableKafkaResource.startBrokers();
            restarted = true;
            awaitEvent(during);
            awaitEvent(alsoDuring);
            DocumentIngestTest.awaitStage(during, "PUBLISHED");
        } finally {
            if (!restarted) {
                RestartableKafkaResource.startBrokers();
            }
        }
    }

    private static String submit(String text) {
        return given().header("Authorization", "Bearer test-key").contentType("text/plain").body(text)
                .post("/api/documents").then().statusCode(202).extract().path("id");
    }

    private static void awaitEvent(String id) {
        List<ConsumerRecord<String, byte[]>> records = Kafka.await(Topics.DOCUMENTS, r -> id.equals(r.key()), 1, Duration.ofSeconds(60));
        assertEquals(1, records.size(), "event for " + id);
        assertEquals(id, EventJson.read(records.get(0).value(), DocumentEvent.class).documentId());
    }
}
