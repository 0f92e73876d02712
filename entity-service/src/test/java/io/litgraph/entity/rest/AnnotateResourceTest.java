package io.litgraph.entity.rest;

import io.litgraph.testsupport.OpenApiContract;
import io.litgraph.events.Topics;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, initArgs = @ResourceArg(name = "topics",
        value = Topics.DOCUMENTS + "," + Topics.ANNOTATIONS + "," + Topics.STATUS + "," + Topics.DEAD_LETTER))
class AnnotateResourceTest {
    private static final String TITLE = "IL-6 and insulin resistance";
    private static final String TEXT = "Interleukin-6 (IL-6) is raised in patients with type 2 diabetes. IL-6 impairs insulin signalling.";

    /** Every call carries the test API key; the key itself is tested in {@link #annotatingNeedsTheApiKey}. */
    private static io.restassured.specification.RequestSpecification given() {
        return io.restassured.RestAssured.given().header("Authorization", "Bearer test-key");
    }

    @Test
    void annotatingNeedsTheApiKey() {
        io.restassured.RestAssured.given().contentType("text/plain").body(TEXT).post("/api/annotate").then().statusCode(401)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
                .header("WWW-Authenticate", containsString("Bearer"));
        io.restassured.RestAssured.given().header("Authorization", "Bearer not-a-key").contentType("text/plain").body(TEXT)
                .post("/api/annotate").then().statusCode(403)
                .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
        io.restassured.RestAssured.given().header("Authorization", "Bearer second-test-key").contentType("text/plain").body(TEXT)
                .post("/api/annotate").then().statusCode(200);
        // reads stay open: re-annotation and the probes call them without a key
        io.restassured.RestAssured.given().get("/api/engine").then().statusCode(200);
        io.restassured.RestAssured.given().get("/q/health/live").then().statusCode(200);
    }

    @BeforeEach
    void engineLoaded() {
        // the engine loads in the background; readiness says when
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            if (given().get("/q/health/ready").statusCode() == 200) {
                return;
            }
            sleep();
        }
    }

    @Test
    void engineEndpointNamesTheVersionsThatAnnotationsCarry() {
        given().when().get("/api/engine")
                .then().statusCode(200).contentType("application/json")
                .body("name", equalTo("litgraph-nlp"))
                .body("version", equalTo(io.litgraph.nlp.Engine.builtin().engineVersion()))
                .body("vocabularyVersion", equalTo(io.litgraph.nlp.Engine.builtin().vocabularyVersion()));
    }

    @Test
    void invalidUtf8DeeplyNestedJsonAndAbsurdOffsetsAreClientErrors() {
        given().contentType("text/plain").body(new byte[]{'I', 'L', (byte) 0xC3, (byte) 0x28})
                .when().post("/api/annotate").then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("[".repeat(5000) + "]".repeat(5000))
                .when().post("/api/annotate").then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json")
                .body("{\"source\":\"t\",\"date\":\"\",\"key\":\"\",\"documents\":[{\"id\":\"1\",\"passages\":"
                        + "[{\"offset\":2000000000,\"text\":\"IL-6 in diabetes.\"}]}]}")
                .when().post("/api/annotate").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void plainTextGivesBioCJsonWithNormalizedMentions() {
        Response response = given().contentType("text/plain").body(TEXT)
                .when().post("/api/annotate")
                .then().statusCode(200).contentType("application/json")
                .body("documents[0].id", equalTo("1"))
                .body("documents[0].passages[0].offset", equalTo(0))
                .body("documents[0].passages[0].text", equalTo(TEXT))
                .extract().response();
        List<Map<String, Object>> annotations = response.jsonPath().getList("documents[0].passages[0].annotations");
        assertTrue(annotations.stream().anyMatch(a -> "IL-6".equals(a.get("text"))
                && "NCBIGene:3569".equals(((Map<?, ?>) a.get("infons")).get("identifier"))), annotations.toString());
        for (Map<String, Object> a : annotations) {
            Map<?, ?> location = (Map<?, ?>) ((List<?>) a.get("locations")).get(0);
            int offset = (Integer) location.get("offset");
            int length = (Integer) location.get("length");
            assertEquals(a.get("text"), TEXT.substring(offset, offset + length));
        }
    }

    @Test
    void jsonWithTitleGivesPubTatorWithGlobalOffsets() {
        String body = given().contentType("application/json")
                .body(Map.of("id", "42", "title", TITLE, "text", TEXT))
                .accept("text/x-pubtator")
                .when().post("/api/annotate")
                .then().statusCode(200).contentType(containsString("text/x-pubtator"))
                .extract().asString();
        String[] lines = body.split("\n");
        assertEquals("42|t|" + TITLE, lines[0]);
        assertEquals("42|a|" + TEXT, lines[1]);
        String document = TITLE + " " + TEXT;
        boolean sawIl6 = false;
        for (int i = 2; i < lines.length && !lines[i].isEmpty(); i++) {
            String[] cols = lines[i].split("\t", -1);
            if (cols.length == 6) {
                assertEquals(cols[3], document.substring(Integer.parseInt(cols[1]), Integer.parseInt(cols[2])), lines[i]);
                sawIl6 |= cols[3].equals("IL-6") && cols[5].equals("NCBIGene:3569");
            } else {
                assertEquals(4, cols.length, "a relation line: " + lines[i]);
            }
        }
        assertTrue(sawIl6, body);
    }

    @Test
    void pubTatorInAndFormatParameterOut() {
        String input = "7|t|" + TITLE + "\n7|a|" + TEXT + "\n\n";
        given().contentType("text/x-pubtator").body(input)
                .when().post("/api/annotate?format=pubtator")
                .then().statusCode(200)
                .body(containsString("7|t|" + TITLE), containsString("NCBIGene:3569"));
    }

    @Test
    void bioCJsonCollectionIsAccepted() {
        String collection = """
                {"source":"test","documents":[{"id":"b1","passages":[
                  {"offset":0,"infons":{"type":"title"},"text":"%s"},
                  {"offset":%d,"infons":{"type":"abstract"},"text":"%s"}]}]}
                """.formatted(TITLE, TITLE.length() + 1, TEXT);
        given().contentType("application/json").body(collection)
                .when().post("/api/annotate")
                .then().statusCode(200)
                .body("documents[0].id", equalTo("b1"))
                .body("documents[0].passages[1].offset", equalTo(TITLE.length() + 1))
                .body("documents[0].passages[1].annotations.infons.identifier", hasItem("NCBIGene:3569"));
    }

    @Test
    void tooLargeIs413Problem() {
        given().contentType("text/plain").body("a".repeat(1_048_577))
                .when().post("/api/annotate")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413)).body("title", equalTo("Payload Too Large"))
                .body("detail", containsString("litgraph.annotate.max-text-bytes"))
                .body("instance", equalTo("/api/annotate"));
    }

    @Test
    void unsupportedMediaTypeIs415Problem() {
        given().contentType("application/xml").body("<doc/>")
                .when().post("/api/annotate")
                .then().statusCode(415).contentType("application/problem+json")
                .body("status", equalTo(415));
    }

    @Test
    void malformedJsonIs400ProblemWithoutStackTrace() {
        given().contentType("application/json").body("{\"text\": ")
                .when().post("/api/annotate")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("detail", containsString("malformed JSON"))
                .body(not(containsString("at io.litgraph")));
    }

    @Test
    void jsonWithoutTextIs400() {
        given().contentType("application/json").body("{\"title\": \"only a title\"}")
                .when().post("/api/annotate")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("\"text\""));
    }

    @Test
    void emptyBodyAndUnknownFormatAre400() {
        given().contentType("text/plain").body("   ")
                .when().post("/api/annotate")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType("text/plain").body(TEXT)
                .when().post("/api/annotate?format=xml")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("pubtator"));
    }

    @Test
    void healthAndMetricsAreExposed() {
        given().get("/q/health/ready").then().statusCode(200)
                .body(containsString("engine"))
                .body(containsString("SmallRye Reactive Messaging"));
        given().contentType("text/plain").body(TEXT).post("/api/annotate").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("litgraph_annotation_duration_seconds_count"))
                .body(containsString("litgraph_annotation_mentions_total"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/annotate"));
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theContractDeclaresBothOperationsOpenWithTheirAnswers() {
        Map<String, Object> document = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("");
        assertEquals(List.of(), OpenApiContract.violations(document, (method, path) -> List.of()));
    }

    @Test
    void anAcceptTheEngineCannotProduceIs406ProblemJson() {
        given().accept("text/html").get("/api/engine").then().statusCode(406)
                .contentType(containsString("application/problem+json"));
    }
}
