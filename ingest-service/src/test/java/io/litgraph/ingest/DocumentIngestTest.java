package io.litgraph.ingest;

import io.litgraph.events.DocumentEvent;
import io.litgraph.events.DocumentStatusEvent;
import io.litgraph.events.EventJson;
import io.litgraph.events.PassagePayload;
import io.litgraph.events.Topics;
import io.litgraph.ingest.support.Kafka;
import io.litgraph.ingest.support.Poll;
import io.litgraph.ingest.support.TestFiles;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.litgraph.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The walking skeleton end to end: HTTP in, PostgreSQL + outbox, a DocumentEvent on the real broker. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, initArgs = @ResourceArg(name = "topics",
        value = Topics.DOCUMENTS + "," + Topics.STATUS + "," + Topics.DEAD_LETTER))
@QuarkusTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = "role", value = "litgraph_ingest"), @ResourceArg(name = "schema", value = "ingest")})
class DocumentIngestTest {
    static final String KEY = "Bearer test-key";

    @Test
    void seedDocumentIsStoredAndPublishedWithKeyHeadersAndOffsets() {
        Path seed = TestFiles.seedFiles().get(0);
        String text = TestFiles.read(seed);

        String id = given().header("Authorization", KEY).contentType("text/plain; charset=utf-8").body(text)
                .when().post("/api/documents")
                .then().statusCode(202)
                .body("id", startsWith("doc-"))
                .body("version", equalTo(1))
                .body("status", equalTo("ACCEPTED"))
                .body("duplicate", equalTo(false))
                .body("links.status", org.hamcrest.Matchers.endsWith("/status"))
                .extract().path("id");

        List<ConsumerRecord<String, byte[]>> records = Kafka.await(Topics.DOCUMENTS, r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
        assertEquals(1, records.size(), "one DocumentEvent keyed by the document id");
        ConsumerRecord<String, byte[]> record = records.get(0);
        assertEquals(String.valueOf(DocumentEvent.SCHEMA_VERSION), Kafka.header(record, Topics.HEADER_SCHEMA_VERSION));
        assertEquals(DocumentEvent.TYPE, Kafka.header(record, Topics.HEADER_EVENT_TYPE));

        DocumentEvent event = EventJson.read(record.value(), DocumentEvent.class);
        assertEquals(id, event.documentId());
        assertEquals(1, event.version());
        assertEquals("doc-" + event.contentHash().substring(0, 16), id);
        List<PassagePayload> passages = event.document().passages();
        assertEquals(1, passages.size(), "a first line that is a paragraph, not a title: one passage, no title");
        assertEquals(0, passages.get(0).offset());
        assertEquals(text.replace("\r\n", "\n").strip(), passages.get(0).text());
        assertEquals(null, event.document().title());

        String stage = Poll.until(() -> given().get("/api/documents/" + id + "/status").then().statusCode(200)
                .extract().<String>path("stage"), "PUBLISHED"::equals, Duration.ofSeconds(10));
        assertEquals("PUBLISHED", stage);
        given().get("/api/documents/" + id).then().statusCode(200)
                .body("document.passages[0].text", equalTo(passages.get(0).text()))
                .body("status.stage", equalTo("PUBLISHED"));
    }

    @Test
    void jsonDocumentGetsTitlePassageAtZeroAndBodyAfterIt() {
        String id = "test-" + UUID.randomUUID();
        String title = "Interleukin-6 in type 2 diabetes";
        String body = "IL-6 levels rise with insulin resistance.";
        given().header("Authorization", KEY).contentType(ContentType.JSON)
                .body("""
                        {"id": "%s", "title": "%s", "text": "%s", "source": "unit", "tags": ["a"], "metadata": {"k": 1}}
                        """.formatted(id, title, body))
                .when().post("/api/documents")
                .then().statusCode(202).body("id", equalTo(id));

        DocumentEvent event = EventJson.read(Kafka.await(Topics.DOCUMENTS, r -> id.equals(r.key()), 1, Duration.ofSeconds(30))
                .get(0).value(), DocumentEvent.class);
        List<PassagePayload> passages = event.document().passages();
        assertEquals(new PassagePayload("title", 0, title), passages.get(0));
        assertEquals(new PassagePayload("text", title.length() + 1, body), passages.get(1));
        assertEquals("unit", event.document().source());
        assertEquals(List.of("a"), event.document().tags());
        assertEquals(1, event.document().metadata().get("k"));
    }

    @Test
    void statusEventsAdvanceTheStageOnlyForTheCurrentVersionAndNeverBackwards() {
        String id = "status-" + UUID.randomUUID();
        given().header("Authorization", KEY).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"text\":\"TNF-alpha and insulin signalling.\"}")
                .when().post("/api/documents").then().statusCode(202);
        Kafka.await(Topics.DOCUMENTS, r -> id.equals(r.key()), 1, Duration.ofSeconds(30));

        sendStatus(id, 1, DocumentStatusEvent.Stage.INDEXED, "indexed");
        awaitStage(id, "INDEXED");
        // a late ANNOTATED (lower stage) and a status for another version change nothing
        sendStatus(id, 1, DocumentStatusEvent.Stage.ANNOTATED, "late");
        sendStatus(id, 7, DocumentStatusEvent.Stage.FAILED, "other version");
        String marker = "marker-" + UUID.randomUUID();
        // an unreadable record goes to the dead-letter topic instead of blocking the channel
        Kafka.send(Topics.STATUS, marker, "not json".getBytes());
        assertFalse(Kafka.await(Topics.DEAD_LETTER, r -> marker.equals(r.key()), 1, Duration.ofSeconds(30)).isEmpty(),
                "the unreadable record reaches the dead-letter topic");
        given().get("/api/documents/" + id + "/status").then().statusCode(200)
                .body("stage", equalTo("INDEXED")).body("detail", equalTo("indexed")).body("version", equalTo(1));
    }

    @Test
    void unknownDocumentIs404ProblemJson() {
        given().get("/api/documents/nope-" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404)).body("title", equalTo("Not Found"));
    }

    static void sendStatus(String id, int version, DocumentStatusEvent.Stage stage, String detail) {
        DocumentStatusEvent event = new DocumentStatusEvent(DocumentStatusEvent.SCHEMA_VERSION, UUID.randomUUID().toString(),
                id, version, Instant.now(), "test", stage, detail);
        Kafka.send(Topics.STATUS, id, EventJson.write(event));
    }

    static void awaitStage(String id, String stage) {
        String seen = Poll.until(() -> given().get("/api/documents/" + id + "/status").then().extract().<String>path("stage"),
                stage::equals, Duration.ofSeconds(20));
        assertNotNull(seen);
        assertEquals(stage, seen);
    }
}
