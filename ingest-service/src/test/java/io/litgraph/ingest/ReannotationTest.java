package io.litgraph.ingest;

import io.litgraph.events.DocumentEvent;
import io.litgraph.events.EventJson;
import io.litgraph.events.Topics;
import io.litgraph.ingest.support.Kafka;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.litgraph.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Re-annotation re-publishes the newest version of every document, unchanged, as a new event. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, initArgs = @ResourceArg(name = "topics",
        value = Topics.DOCUMENTS + "," + Topics.STATUS + "," + Topics.DEAD_LETTER))
@QuarkusTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = "role", value = "litgraph_ingest"), @ResourceArg(name = "schema", value = "ingest")})
class ReannotationTest {
    static final String KEY = "Bearer test-key";

    @Test
    void everyDocumentIsPublishedAgainWithItsNewestVersion() {
        String first = "re-" + UUID.randomUUID();
        String second = "re-" + UUID.randomUUID();
        submit(first, "IL-6 raises insulin resistance.");
        submit(second, "TNF-alpha in osteoporosis.");
        submit(second, "TNF-alpha in osteoporosis and type 2 diabetes.");
        Kafka.await(Topics.DOCUMENTS, r -> second.equals(r.key()), 2, Duration.ofSeconds(30));

        given().header("Authorization", KEY).when().post("/api/admin/reannotate")
                .then().statusCode(202).body("queued", greaterThanOrEqualTo(2));

        List<ConsumerRecord<String, byte[]>> firstEvents = Kafka.await(Topics.DOCUMENTS, r -> first.equals(r.key()), 2, Duration.ofSeconds(30));
        List<ConsumerRecord<String, byte[]>> secondEvents = Kafka.await(Topics.DOCUMENTS, r -> second.equals(r.key()), 3, Duration.ofSeconds(30));
        assertEquals(2, firstEvents.size());
        assertEquals(3, secondEvents.size());

        DocumentEvent original = EventJson.read(firstEvents.get(0).value(), DocumentEvent.class);
        DocumentEvent again = EventJson.read(firstEvents.get(1).value(), DocumentEvent.class);
        assertEquals(original.version(), again.version(), "same document version: only the annotations change");
        assertEquals(original.document(), again.document());
        assertEquals(original.contentHash(), again.contentHash());
        assertNotEquals(original.eventId(), again.eventId());

        DocumentEvent newest = EventJson.read(secondEvents.get(2).value(), DocumentEvent.class);
        assertEquals(2, newest.version(), "the newest version is what gets re-annotated");
        assertEquals("TNF-alpha in osteoporosis and type 2 diabetes.", newest.document().passages().get(0).text());
    }

    @Test
    void reannotationNeedsTheApiKey() {
        given().when().post("/api/admin/reannotate").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer wrong").when().post("/api/admin/reannotate").then().statusCode(403);
    }

    private static void submit(String id, String text) {
        given().header("Authorization", KEY).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"text\":\"" + text + "\"}")
                .when().post("/api/documents").then().statusCode(202);
    }
}
