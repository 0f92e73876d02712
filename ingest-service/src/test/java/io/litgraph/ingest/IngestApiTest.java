package io.litgraph.ingest;

import io.litgraph.testsupport.OpenApiContract;
import io.litgraph.events.DocumentEvent;
import io.litgraph.events.DocumentStatusEvent;
import io.litgraph.events.EventJson;
import io.litgraph.events.PassagePayload;
import io.litgraph.events.Topics;
import io.litgraph.ingest.support.Kafka;
import io.litgraph.ingest.support.TestFiles;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.litgraph.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Formats over HTTP, duplicates and versions, the NDJSON batch, and the operational endpoints. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, initArgs = @ResourceArg(name = "topics",
        value = Topics.DOCUMENTS + "," + Topics.STATUS + "," + Topics.DEAD_LETTER))
@QuarkusTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = "role", value = "litgraph_ingest"), @ResourceArg(name = "schema", value = "ingest")})
class IngestApiTest {
    private static final String KEY = "Bearer test-key";

    private static DocumentEvent event(String id, int version) {
        List<ConsumerRecord<String, byte[]>> records = Kafka.await(Topics.DOCUMENTS,
                r -> id.equals(r.key()) && EventJson.read(r.value(), DocumentEvent.class).version() == version, 1, Duration.ofSeconds(30));
        assertEquals(1, records.size(), "DocumentEvent " + id + " v" + version + " on " + Topics.DOCUMENTS);
        return EventJson.read(records.get(0).value(), DocumentEvent.class);
    }

    // --- duplicates and versions

    @Test
    void sameContentIsADuplicateAndChangedContentANewVersion() {
        String id = "ver-" + UUID.randomUUID();
        String v1 = "{\"id\": \"%s\", \"title\": \"Leptin and bone\", \"text\": \"Leptin regulates bone mass.\"}".formatted(id);
        given().header("Authorization", KEY).contentType("application/json").body(v1).post("/api/documents")
                .then().statusCode(202).body("version", equalTo(1)).body("duplicate", equalTo(false));
        event(id, 1);

        // same content again, and again with different whitespace and metadata: nothing new
        given().header("Authorization", KEY).contentType("application/json").body(v1).post("/api/documents")
                .then().statusCode(200).body("id", equalTo(id)).body("version", equalTo(1)).body("duplicate", equalTo(true));
        given().header("Authorization", KEY).contentType("application/json")
                .body("{\"id\": \"%s\", \"title\": \"Leptin  and bone\", \"text\": \"Leptin regulates\\n bone mass. \", \"tags\": [\"x\"]}".formatted(id))
                .post("/api/documents")
                .then().statusCode(200).body("duplicate", equalTo(true)).body("version", equalTo(1));

        // changed text under the same id: version 2, published
        given().header("Authorization", KEY).contentType("application/json")
                .body("{\"id\": \"%s\", \"title\": \"Leptin and bone\", \"text\": \"Leptin regulates bone mass via the hypothalamus.\"}".formatted(id))
                .post("/api/documents")
                .then().statusCode(202).body("version", equalTo(2)).body("duplicate", equalTo(false));
        DocumentEvent second = event(id, 2);
        assertTrue(second.document().passages().get(1).text().endsWith("hypothalamus."));

        // exactly two events: the duplicates were not republished
        assertEquals(2, Kafka.collect(Topics.DOCUMENTS, r -> id.equals(r.key()), Duration.ofSeconds(3)).size());
        given().get("/api/documents/" + id).then().statusCode(200)
                .body("version", equalTo(2)).body("document.passages[1].text", containsString("hypothalamus"));

        // a status for the superseded version does not touch the current one
        DocumentIngestTest.awaitStage(id, "PUBLISHED");
        DocumentIngestTest.sendStatus(id, 1, DocumentStatusEvent.Stage.ANNOTATED, "old");
        DocumentIngestTest.sendStatus(id, 2, DocumentStatusEvent.Stage.ANNOTATED, "3 mentions");
        DocumentIngestTest.awaitStage(id, "ANNOTATED");
        given().get("/api/documents/" + id + "/status").then().body("detail", equalTo("3 mentions")).body("version", equalTo(2));
    }

    @Test
    void withoutClientIdTheSameContentGetsTheSameIdInAnyFormat() {
        String text = "Resistin links obesity to insulin resistance " + UUID.randomUUID() + ".";
        String id = given().header("Authorization", KEY).contentType("text/plain").body(text).post("/api/documents")
                .then().statusCode(202).body("id", startsWith("doc-")).extract().path("id");
        given().header("Authorization", KEY).contentType("text/plain").body("  " + text + "\n").post("/api/documents")
                .then().statusCode(200).body("id", equalTo(id)).body("duplicate", equalTo(true));
        given().header("Authorization", KEY).contentType("application/json").body("{\"text\": \"" + text + "\"}").post("/api/documents")
                .then().statusCode(200).body("id", equalTo(id)).body("duplicate", equalTo(true));
    }

    // --- formats over HTTP

    @Test
    void markdownSeedIsPublishedWithFrontMatterTitle() {
        Path seed = TestFiles.seedFiles().stream().filter(p -> TestFiles.read(p).startsWith("---")).findFirst().orElseThrow();
        String id = given().header("Authorization", KEY).contentType("text/markdown").body(TestFiles.read(seed))
                .post("/api/documents").then().statusCode(anyOf202or200()).extract().path("id");
        DocumentEvent event = event(id, 1);
        String title = "Insulin Signaling and Bone Health: Linking Osteoporosis and Diabetes";
        assertEquals(new PassagePayload("title", 0, title), event.document().passages().get(0));
        assertEquals(title.length() + 1, event.document().passages().get(1).offset());
        assertEquals(List.of("obesity", "insulinresistance"), event.document().tags());
    }

    @Test
    void everySeedIsAcceptedAsPlainText() {
        for (Path seed : TestFiles.seedFiles()) {
            given().header("Authorization", KEY).contentType("text/plain; charset=utf-8").body(TestFiles.bytes(seed))
                    .post("/api/documents").then().statusCode(anyOf202or200()).body("id", startsWith("doc-"));
        }
    }

    @Test
    void htmlPageIsPublishedWithoutChrome() {
        String id = given().header("Authorization", KEY).contentType("text/html; charset=utf-8")
                .body(TestFiles.resource("article.html")).post("/api/documents")
                .then().statusCode(anyOf202or200()).extract().path("id");
        DocumentEvent event = event(id, 1);
        String all = String.join(" ", event.document().passages().stream().map(PassagePayload::text).toList());
        assertTrue(all.contains("UK Biobank"));
        assertTrue(!all.contains("Page generated") && !all.contains("Article tools") && !all.contains("My recent searches"), all);
    }

    @Test
    void pubmedSetReturnsOneResultPerArticle() {
        JsonPath result = given().header("Authorization", KEY).contentType("application/xml")
                .body(TestFiles.resource("two-articles.pubmed.xml")).post("/api/documents")
                .then().statusCode(anyOf202or200())
                .body("format", equalTo("pubmed")).body("count", equalTo(2)).body("failed", equalTo(0))
                .extract().jsonPath();
        assertEquals(List.of("PMID:90000001", "PMID:90000002"), result.getList("results.id"));
        assertEquals(List.of(1, 2), result.getList("results.position"));
        DocumentEvent event = event("PMID:90000001", 1);
        assertEquals(3, event.document().passages().size());
        given().get("/api/documents/PMID:90000001").then().statusCode(200)
                .body("title", equalTo("Insulin and IL-6 in obesity.")).body("format", equalTo("pubmed"))
                .body("document.metadata.abstractSections[0].label", equalTo("BACKGROUND"));
        assertEquals("10.1000/example.1", event.document().metadata().get("doi"));
    }

    @Test
    void pubtatorAndBioCJsonCollectionsReturnListResults() {
        given().header("Authorization", KEY).contentType("text/x-pubtator").body(TestFiles.resource("two-abstracts.pubtator"))
                .post("/api/documents").then().statusCode(anyOf202or200())
                .body("format", equalTo("pubtator")).body("results.id", hasItem("PMID:67890"));
        given().header("Authorization", KEY).contentType("application/json").body(TestFiles.resource("bioc-collection.json"))
                .post("/api/documents").then().statusCode(anyOf202or200())
                .body("format", equalTo("bioc-json")).body("count", equalTo(1)).body("results[0].id", equalTo("PMID:777"));
        DocumentEvent bioc = event("PMID:777", 1);
        assertEquals(48, bioc.document().passages().get(1).offset(), "BioC offsets are kept");
    }

    @Test
    void realThirdPartyFilesOverHttp() {
        String jats = TestFiles.read(TestFiles.format("jats/pntd.0002065.nxml"));
        given().header("Authorization", KEY).contentType("application/xml").body(jats).post("/api/documents")
                .then().statusCode(anyOf202or200()).body("id", equalTo("PMID:23469300"));
        given().header("Authorization", KEY).contentType("application/xml")
                .body(TestFiles.read(TestFiles.format("pubmed/pubmed1.xml"))).post("/api/documents")
                .then().statusCode(anyOf202or200()).body("count", equalTo(2)).body("failed", equalTo(0));
        given().header("Authorization", KEY).contentType("application/xml")
                .body(TestFiles.read(TestFiles.format("bioc/pubtator3.33333140.xml"))).post("/api/documents")
                .then().statusCode(anyOf202or200()).body("results[0].id", equalTo("PMID:33333140"));
        assertEquals("PMID:23469300", event("PMID:23469300", 1).documentId());
    }

    // --- NDJSON batch

    @Test
    void batchReportsEveryLineAndSurvivesBadOnes() {
        String unique = UUID.randomUUID().toString();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "{\"id\": \"batch-a-" + unique + "\", \"text\": \"Ghrelin and appetite.\"}\n");   // 1 accepted
        write(body, "{\"text\": \"unterminated\n");                                                    // 2 malformed
        write(body, "{\"text\": \"   \"}\n");                                                          // 3 empty
        write(body, "\n");                                                                             // 4 blank: skipped
        write(body, "{\"id\": \"batch-a-" + unique + "\", \"text\": \"Ghrelin and appetite.\"}\r\n"); // 5 duplicate
        body.writeBytes(new byte[]{'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xFF, '"', '}', '\n'}); // 6 bad UTF-8
        write(body, "{\"id\": \"batch-b-" + unique + "\", \"text\": \"GLP-1 agonists.\", \"extra\": 1}");   // 7 accepted, no final newline

        JsonPath result = given().header("Authorization", KEY).contentType("application/x-ndjson").body(body.toByteArray())
                .post("/api/documents/batch")
                .then().statusCode(202)
                .body("count", equalTo(6)).body("accepted", equalTo(2)).body("duplicates", equalTo(1)).body("failed", equalTo(3))
                .extract().jsonPath();
        assertEquals(List.of(1, 2, 3, 5, 6, 7), result.getList("results.position"));
        List<String> statuses = result.getList("results.status");
        // the duplicate reports the stored document's current stage, which the relay may already have advanced
        assertEquals(List.of("ACCEPTED", "REJECTED", "REJECTED", "REJECTED", "ACCEPTED"),
                List.of(statuses.get(0), statuses.get(1), statuses.get(2), statuses.get(4), statuses.get(5)));
        assertEquals(400, result.getInt("results[1].error.status"));
        assertEquals(2, result.getInt("results[1].error.line"));
        assertEquals(422, result.getInt("results[2].error.status"));
        assertEquals(true, result.getBoolean("results[3].duplicate"));
        assertEquals(400, result.getInt("results[4].error.status"));
        assertEquals("unknown field 'extra' ignored", result.getString("results[5].warnings[0]"));
        event("batch-b-" + unique, 1);
    }

    @Test
    void laterLinesOfABatchCountEarlierOnes() {
        // all in one chunk (one transaction): each line is decided as if the earlier ones were already stored
        String unique = UUID.randomUUID().toString();
        String id = "chunk-" + unique;
        String body = "{\"text\": \"Leptin signalling " + unique + ".\"}\n"
                + "{\"text\": \"Leptin  signalling " + unique + ".\"}\n"
                + "{\"id\": \"" + id + "\", \"text\": \"First version.\"}\n"
                + "{\"id\": \"" + id + "\", \"text\": \"Second version.\"}\n"
                + "{\"id\": \"" + id + "\", \"text\": \"Second version.\"}\n";
        JsonPath result = given().header("Authorization", KEY).contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/documents/batch")
                .then().statusCode(202).body("accepted", equalTo(3)).body("duplicates", equalTo(2))
                .extract().jsonPath();
        assertEquals(List.of(false, true, false, false, true), result.getList("results.duplicate"));
        assertEquals(result.getString("results[0].id"), result.getString("results[1].id"));
        assertEquals(List.of(1, 1, 1, 2, 2), result.getList("results.version"));
        given().get("/api/documents/" + id).then().statusCode(200).body("version", equalTo(2));
        // both versions are published, the first one first (same key, same partition)
        List<ConsumerRecord<String, byte[]>> events = Kafka.await(Topics.DOCUMENTS, r -> id.equals(r.key()), 2, Duration.ofSeconds(30));
        assertEquals(List.of(1, 2), events.stream().map(r -> EventJson.read(r.value(), DocumentEvent.class).version()).toList());
        assertTrue(events.get(0).offset() < events.get(1).offset());
    }

    @Test
    void batchNeedsAKey() {
        given().contentType("application/x-ndjson").body("{\"text\": \"x\"}\n".getBytes(StandardCharsets.UTF_8)).post("/api/documents/batch")
                .then().statusCode(401).contentType("application/problem+json");
    }

    // --- operations

    @Test
    void readinessCoversDatabaseAndKafka() {
        String health = given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")).extract().asString();
        assertTrue(health.contains("Database connections health check"), health);
        assertTrue(health.contains("SmallRye Reactive Messaging"), health);
        assertTrue(health.contains("outbox"), health);
    }

    @Test
    void metricsAndOpenApiAreServed() {
        given().header("Authorization", KEY).contentType("text/plain").body("Metrics count this: IL-17.").post("/api/documents");
        given().get("/q/metrics").then().statusCode(200).body(containsString("litgraph_ingest_documents_total"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/documents/batch"));
    }

    private static org.hamcrest.Matcher<Integer> anyOf202or200() {
        return org.hamcrest.Matchers.anyOf(equalTo(202), equalTo(200));
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theContractDeclaresTheKeyOnEveryWriteAndNoneOnReads() {
        java.util.Map<String, Object> document = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("");
        assertEquals(List.of(), OpenApiContract.violations(document, (method, path) ->
                method.equals("get") ? List.of() : List.of(java.util.Map.of("apiKey", List.of()))));
    }

    @Test
    void anAcceptTheOperationCannotProduceIs406ProblemJson() {
        given().accept("text/html").get("/api/documents/no-such-document/status").then().statusCode(406)
                .contentType(startsWith("application/problem+json"));
    }
}
