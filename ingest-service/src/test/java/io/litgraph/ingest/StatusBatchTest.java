package io.litgraph.ingest;

import io.litgraph.events.DocumentStatusEvent;
import io.litgraph.events.DocumentStatusEvent.Stage;
import io.litgraph.events.Topics;
import io.litgraph.ingest.service.StatusService;
import io.litgraph.ingest.support.Poll;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.litgraph.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The status listener applies a poll's events in one transaction; the documents must end exactly where
 * applying the same events one transaction each, in the same order, leaves them. Each scenario runs on
 * two documents set up alike: one gets its events one by one, the other as part of one batch holding
 * every scenario's events interleaved.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, initArgs = @ResourceArg(name = "topics",
        value = Topics.DOCUMENTS + "," + Topics.STATUS + "," + Topics.DEAD_LETTER))
@QuarkusTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = "role", value = "litgraph_ingest"), @ResourceArg(name = "schema", value = "ingest")})
class StatusBatchTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Inject
    StatusService status;

    /** A status event named by version, stage and detail; the document id is filled in per copy. */
    record Step(int version, Stage stage, String detail) {
    }

    /** {@code versions} stored versions (1 or 2), then {@code steps}; the expected end state. */
    record Scenario(String name, int versions, List<Step> steps, int version, String stage, String detail) {
    }

    @Test
    void aBatchWithDuplicatesAndOutOfOrderVersionsEndsAsAppliedOneByOne() {
        List<Scenario> scenarios = List.of(
                new Scenario("duplicates-and-late", 1, List.of(step(1, Stage.ANNOTATED, "a"), step(1, Stage.ANNOTATED, "a again"),
                        step(1, Stage.INDEXED, "i"), step(1, Stage.ANNOTATED, "late"), step(1, Stage.INDEXED, "i again")),
                        1, "INDEXED", "i"),
                new Scenario("indexed-then-failed", 1, List.of(step(1, Stage.INDEXED, "i"), step(1, Stage.FAILED, "f")),
                        1, "INDEXED", "i"),
                new Scenario("failed-then-indexed", 1, List.of(step(1, Stage.FAILED, "f"), step(1, Stage.INDEXED, "i"),
                        step(1, Stage.FAILED, "f2")), 1, "FAILED", "test: f"),
                new Scenario("old-and-future-versions", 2, List.of(step(2, Stage.ANNOTATED, "new"), step(1, Stage.INDEXED, "old"),
                        step(1, Stage.FAILED, "old"), step(3, Stage.FAILED, "future"), step(2, Stage.ANNOTATED, "new again")),
                        2, "ANNOTATED", "new"),
                new Scenario("only-other-versions", 2, List.of(step(1, Stage.INDEXED, "old"), step(3, Stage.INDEXED, "future")),
                        2, "PUBLISHED", null));

        String run = UUID.randomUUID().toString();
        Map<Scenario, String> oneByOne = new LinkedHashMap<>();
        Map<Scenario, String> batched = new LinkedHashMap<>();
        for (Scenario s : scenarios) {
            oneByOne.put(s, create("single-" + s.name() + "-" + run, s.versions()));
            batched.put(s, create("batch-" + s.name() + "-" + run, s.versions()));
        }
        scenarios.forEach(s -> awaitPublished(oneByOne.get(s), s.versions()));
        scenarios.forEach(s -> awaitPublished(batched.get(s), s.versions()));

        for (Scenario s : scenarios) {
            events(oneByOne.get(s), s).forEach(status::apply);
        }
        // interleaved across documents, each document's events in their order, as a poll delivers them
        List<List<DocumentStatusEvent>> perDocument = scenarios.stream().map(s -> events(batched.get(s), s)).toList();
        List<DocumentStatusEvent> batch = new ArrayList<>();
        String unknown = "unknown-" + run;
        batch.add(event(unknown, new Step(1, Stage.INDEXED, "nobody"), 0));
        for (int i = 0; batch.size() < 1 + perDocument.stream().mapToInt(List::size).sum(); i++) {
            for (List<DocumentStatusEvent> events : perDocument) {
                if (i < events.size()) {
                    batch.add(events.get(i));
                }
            }
        }
        status.applyAll(batch);

        for (Scenario s : scenarios) {
            JsonPath single = state(oneByOne.get(s));
            JsonPath batchState = state(batched.get(s));
            assertEquals(s.stage(), single.getString("stage"), s.name() + ": one by one");
            assertEquals(s.detail(), single.getString("detail"), s.name() + ": one by one");
            assertEquals(s.version(), single.getInt("version"), s.name() + ": one by one");
            for (String field : List.of("stage", "detail", "version", "updatedAt")) {
                assertEquals(single.getString(field), batchState.getString(field), s.name() + ": batch " + field);
            }
        }
        given().get("/api/documents/" + unknown + "/status").then().statusCode(404);
    }

    private static Step step(int version, Stage stage, String detail) {
        return new Step(version, stage, detail);
    }

    private static List<DocumentStatusEvent> events(String id, Scenario s) {
        List<DocumentStatusEvent> events = new ArrayList<>();
        for (int i = 0; i < s.steps().size(); i++) {
            events.add(event(id, s.steps().get(i), i));
        }
        return events;
    }

    private static DocumentStatusEvent event(String id, Step step, int index) {
        return new DocumentStatusEvent(DocumentStatusEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), id,
                step.version(), T0.plusSeconds(index), "test", step.stage(), step.detail());
    }

    private static String create(String id, int versions) {
        for (int v = 1; v <= versions; v++) {
            given().header("Authorization", DocumentIngestTest.KEY).contentType(ContentType.JSON)
                    .body("{\"id\":\"" + id + "\",\"text\":\"TNF-alpha and insulin signalling, version " + v + ".\"}")
                    .when().post("/api/documents").then().statusCode(202);
        }
        return id;
    }

    private static void awaitPublished(String id, int version) {
        String stage = Poll.until(() -> {
            JsonPath s = state(id);
            return s.getInt("version") == version ? s.getString("stage") : null;
        }, "PUBLISHED"::equals, Duration.ofSeconds(30));
        assertEquals("PUBLISHED", stage, id + " published by the relay");
    }

    private static JsonPath state(String id) {
        return given().get("/api/documents/" + id + "/status").then().statusCode(200).extract().jsonPath();
    }
}
