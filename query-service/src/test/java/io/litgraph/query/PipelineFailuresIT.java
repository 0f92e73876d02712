package io.litgraph.query;

import io.litgraph.events.DeadLetterEvent;
import io.litgraph.events.DocumentStatusEvent;
import io.litgraph.events.EventJson;
import io.litgraph.events.Topics;
import io.litgraph.query.support.Eventually;
import io.litgraph.query.support.Kafka;
import io.litgraph.query.support.QueryTestResources;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.litgraph.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The status page's failures end to end: FAILED status events and dead letters published with plain
 * kafka-clients on the real broker, stored in the real database, read back through GET /api/failures;
 * an INDEXED status (also the one query-service itself publishes after storing a document) clears them.
 */
@QuarkusTest
@TestProfile(PipelineFailuresIT.SmallCap.class)
@QuarkusTestResource(value = KafkaBrokerResource.class,
        initArgs = @ResourceArg(name = "topics", value = QueryTestResources.TOPICS))
@QuarkusTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = "role", value = QueryTestResources.ROLE),
        @ResourceArg(name = "schema", value = QueryTestResources.SCHEMA)})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineFailuresIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int CAP = 10;

    /** A small cap, so that the test can overflow it. */
    public static class SmallCap implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("litgraph.query.failures.max-stored", Integer.toString(CAP));
        }
    }

    @Test
    @Order(1)
    void theCapKeepsOnlyTheNewestFailures() {
        // far in the past, so that the later tests' failures are newer and outlive these
        Instant base = Instant.parse("2001-01-01T00:00:00Z");
        IntStream.range(0, CAP + 4).forEach(i -> Kafka.send(Topics.DEAD_LETTER, "cap-" + i,
                EventJson.write(deadLetter("cap-" + i, base.plusSeconds(i), "cap " + i))));

        Eventually.assertThat(WAIT, () -> assertTrue(failures(100).getList("items.documentId").contains("cap-" + (CAP + 3))));
        JsonPath page = failures(100);
        assertEquals(CAP, page.getInt("stored"));
        assertEquals(CAP, page.getInt("maxStored"));
        List<String> ids = page.getList("items.documentId");
        assertEquals(IntStream.range(4, CAP + 4).map(i -> CAP + 3 - (i - 4)).mapToObj(i -> "cap-" + i).toList(), ids,
                "the newest " + CAP + ", newest first; the 4 oldest dropped");
        given().get("/api/stats").then().statusCode(200).body("failures", equalTo(CAP));
    }

    @Test
    @Order(2)
    void failedStatusAndDeadLetterAreListedWithTheirReasons() {
        DocumentStatusEvent failed = status("fail-1", 2, DocumentStatusEvent.Stage.FAILED, "entity-service",
                "engine error: passage offsets overlap");
        Kafka.send(Topics.STATUS, "fail-1", EventJson.write(failed));
        DeadLetterEvent dead = new DeadLetterEvent(1, UUID.randomUUID().toString(), Instant.now(), "query-service",
                Topics.ANNOTATIONS, 2, 17, "dl-1", "{not json", "com.fasterxml.jackson.core.JsonParseException",
                "Unexpected character ('n' (code 110))");
        Kafka.send(Topics.DEAD_LETTER, "dl-1", EventJson.write(dead));

        Eventually.assertThat(WAIT, () -> assertTrue(failures(20).getList("items.documentId").containsAll(List.of("fail-1", "dl-1"))));
        JsonPath page = failures(20);
        Map<String, Object> status = item(page, "fail-1");
        assertEquals("status", status.get("kind"));
        assertEquals(2, status.get("documentVersion"));
        assertEquals("entity-service", status.get("service"));
        assertEquals("annotation", status.get("stage"));
        assertEquals("engine error: passage offsets overlap", status.get("reason"));
        assertEquals(false, status.get("documentIndexed"));
        // PostgreSQL keeps microseconds
        assertTrue(Duration.between(failed.occurredAt(), Instant.parse((String) status.get("occurredAt"))).abs()
                .toNanos() < 1000, status.toString());

        Map<String, Object> letter = item(page, "dl-1");
        assertEquals("dead-letter", letter.get("kind"));
        assertEquals("indexing", letter.get("stage"));
        assertEquals("Unexpected character ('n' (code 110))", letter.get("reason"));
        assertEquals("com.fasterxml.jackson.core.JsonParseException", letter.get("errorClass"));
        assertEquals(Topics.ANNOTATIONS, letter.get("sourceTopic"));
        assertEquals(17, letter.get("sourceOffset"));
        assertNull(letter.get("documentVersion"));

        // a replayed event (same event id) adds nothing
        Kafka.send(Topics.STATUS, "fail-1", EventJson.write(failed));
        Kafka.send(Topics.DEAD_LETTER, "dl-1", EventJson.write(dead));
        DocumentStatusEvent marker = status("marker-1", 1, DocumentStatusEvent.Stage.FAILED, "entity-service", "marker");
        Kafka.send(Topics.STATUS, "marker-1", EventJson.write(marker));
        Eventually.assertThat(WAIT, () -> assertTrue(failures(20).getList("items.documentId").contains("marker-1")));
        // the marker is on the same status topic, but dead letters have a topic of their own: wait on them too
        DeadLetterEvent deadMarker = deadLetter("dl-marker", Instant.now(), "marker");
        Kafka.send(Topics.DEAD_LETTER, "dl-marker", EventJson.write(deadMarker));
        Eventually.assertThat(WAIT, () -> assertTrue(failures(20).getList("items.documentId").contains("dl-marker")));
        List<String> ids = failures(20).getList("items.documentId");
        assertEquals(1, ids.stream().filter("fail-1"::equals).count(), ids.toString());
        assertEquals(1, ids.stream().filter("dl-1"::equals).count(), ids.toString());
    }

    @Test
    @Order(3)
    void theIndexedStatusQueryServicePublishesClearsTheFailureAndTheDocumentCanBeOpened() {
        // entity-service failed on version 1 ...
        Kafka.send(Topics.STATUS, "clear-1", EventJson.write(status("clear-1", 1, DocumentStatusEvent.Stage.FAILED,
                "entity-service", "timed out")));
        Eventually.assertThat(WAIT, () -> assertTrue(failures(20).getList("items.documentId").contains("clear-1")));
        assertEquals(false, item(failures(20), "clear-1").get("documentIndexed"));

        // ... and a newer version was annotated and indexed: query-service's own INDEXED status clears it
        Kafka.sendAnnotations(AnnotationPipelineTest.il6Document("clear-1", 2).build());
        Eventually.assertThat(WAIT, () -> assertFalse(failures(20).getList("items.documentId").contains("clear-1")));
        given().get("/api/documents/clear-1").then().statusCode(200);

        // a re-annotation of the stored version fails: listed, and the document exists to be opened
        Kafka.send(Topics.STATUS, "clear-1", EventJson.write(status("clear-1", 2, DocumentStatusEvent.Stage.FAILED,
                "query-service", "could not be indexed: value too long")));
        Eventually.assertThat(WAIT, () -> assertTrue(failures(20).getList("items.documentId").contains("clear-1")));
        Map<String, Object> failure = item(failures(20), "clear-1");
        assertEquals(true, failure.get("documentIndexed"));
        assertEquals("indexing", failure.get("stage"));
    }

    @Test
    @Order(4)
    void onlyAnIndexedStatusOfTheSameOrANewerVersionClears() {
        Kafka.send(Topics.STATUS, "clear-2", EventJson.write(status("clear-2", 2, DocumentStatusEvent.Stage.FAILED,
                "entity-service", "engine error")));
        Kafka.send(Topics.STATUS, "clear-2", EventJson.write(status("clear-2", 1, DocumentStatusEvent.Stage.INDEXED,
                "query-service", "older version")));
        Kafka.send(Topics.STATUS, "clear-2", EventJson.write(status("clear-2", 2, DocumentStatusEvent.Stage.ANNOTATED,
                "entity-service", "annotated")));
        Kafka.send(Topics.STATUS, "marker-2", EventJson.write(status("marker-2", 1, DocumentStatusEvent.Stage.FAILED,
                "entity-service", "marker")));
        Eventually.assertThat(WAIT, () -> assertTrue(failures(20).getList("items.documentId").contains("marker-2")));
        // one key, one partition, in order: once this second failure is listed, the INDEXED of version 1
        // before it has been consumed, and it must not have cleared the first
        Kafka.send(Topics.STATUS, "clear-2", EventJson.write(status("clear-2", 2, DocumentStatusEvent.Stage.FAILED,
                "entity-service", "second failure of version 2")));
        Eventually.assertThat(WAIT, () -> assertEquals(2,
                failures(20).getList("items.documentId").stream().filter("clear-2"::equals).count()));

        Kafka.send(Topics.STATUS, "clear-2", EventJson.write(status("clear-2", 3, DocumentStatusEvent.Stage.INDEXED,
                "query-service", "newer version")));
        Eventually.assertThat(WAIT, () -> assertFalse(failures(20).getList("items.documentId").contains("clear-2")));
        assertTrue(failures(20).getList("items.documentId").contains("marker-2"), "other documents' failures stay");
    }

    @Test
    @Order(5)
    void pagesWalkEveryFailureOnceAndBadParametersAreProblems() {
        JsonPath all = failures(100);
        List<String> expected = all.getList("items.documentId");
        assertTrue(expected.size() >= 3, expected.toString());
        List<String> walked = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/failures").then().statusCode(200).extract().jsonPath();
            assertEquals(2, page.getInt("limit"));
            walked.addAll(page.getList("items.documentId"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(expected, walked);

        given().queryParam("limit", 5000).get("/api/failures").then().statusCode(200).body("limit", equalTo(100));
        given().queryParam("limit", "ten").get("/api/failures").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].parameter", equalTo("limit"));
        given().queryParam("cursor", "not-a-cursor").get("/api/failures").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].parameter", equalTo("cursor"));
        String wrongShape = io.litgraph.query.rest.Cursor.encode("yesterday", "1");
        given().queryParam("cursor", wrongShape).get("/api/failures").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        assertNotNull(all.getString("items[0].occurredAt"));
    }

    private static JsonPath failures(int limit) {
        return given().queryParam("limit", limit).get("/api/failures").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> item(JsonPath page, String documentId) {
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().filter(i -> documentId.equals(i.get("documentId"))).findFirst()
                .orElseThrow(() -> new AssertionError(documentId + " not in " + items));
    }

    private static DocumentStatusEvent status(String id, int version, DocumentStatusEvent.Stage stage, String service,
                                              String detail) {
        return new DocumentStatusEvent(1, UUID.randomUUID().toString(), id, version, Instant.now(), service, stage, detail);
    }

    private static DeadLetterEvent deadLetter(String key, Instant at, String message) {
        return new DeadLetterEvent(1, UUID.randomUUID().toString(), at, "entity-service", Topics.DOCUMENTS, 0, 1, key,
                "{}", "java.lang.IllegalArgumentException", message);
    }
}
