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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
        DocumentEvent original = event(Kafka.await(Topics.DOCUMENTS, r -> first.equals(r.key()), 1, Duration.ofSeconds(30)).get(0));
        Kafka.await(Topics.DOCUMENTS, r -> second.equals(r.key()) && event(r).version() == 2, 1, Duration.ofSeconds(30));
        // delivery is at least once: the relay may publish a row again, so earlier events are told apart by id
        Set<String> before = new HashSet<>();
        Kafka.collect(Topics.DOCUMENTS, r -> first.equals(r.key()) || second.equals(r.key()), Duration.ofSeconds(3))
                .forEach(r -> before.add(event(r).eventId()));

        given().header("Authorization", KEY).when().post("/api/admin/reannotate")
                .then().statusCode(202).body("queued", greaterThanOrEqualTo(2));

        DocumentEvent again = event(Kafka.await(Topics.DOCUMENTS,
                r -> first.equals(r.key()) && !before.contains(event(r).eventId()), 1, Duration.ofSeconds(30)).get(0));
        assertEquals(original.version(), again.version(), "same document version: only the annotations change");
        assertEquals(original.document(), again.document());
        assertEquals(original.contentHash(), again.contentHash());
        assertNotEquals(original.eventId(), again.eventId());

        List<DocumentEvent> secondAgain = Kafka.await(Topics.DOCUMENTS,
                r -> second.equals(r.key()) && !before.contains(event(r).eventId()), 1, Duration.ofSeconds(30))
                .stream().map(ReannotationTest::event).toList();
        assertEquals(1, secondAgain.size());
        assertEquals(2, secondAgain.get(0).version(), "the newest version is what gets re-annotated");
        assertEquals("TNF-alpha in osteoporosis and type 2 diabetes.", secondAgain.get(0).document().passages().get(0).text());
    }

    private static DocumentEvent event(ConsumerRecord<String, byte[]> record) {
        return EventJson.read(record.value(), DocumentEvent.class);
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
