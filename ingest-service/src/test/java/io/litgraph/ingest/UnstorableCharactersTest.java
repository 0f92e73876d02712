package io.litgraph.ingest;

import io.litgraph.events.Topics;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.litgraph.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text pasted from a PDF extraction carries NUL and other controls PostgreSQL cannot store: every format
 * keeps the document, replaces them one for one (offsets stay), and says so in the answer.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, initArgs = @ResourceArg(name = "topics",
        value = Topics.DOCUMENTS + "," + Topics.STATUS + "," + Topics.DEAD_LETTER))
@QuarkusTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = "role", value = "litgraph_ingest"), @ResourceArg(name = "schema", value = "ingest")})
class UnstorableCharactersTest {
    private static final String KEY = "Bearer test-key";

    @Test
    void jsonWithNulAndLoneSurrogatesIsStoredWithTheCharactersReplaced() {
        String id = "nul-" + UUID.randomUUID();
        given().header("Authorization", KEY).contentType("application/json")
                .body("{\"id\":\"" + id + "\",\"title\":\"IL-6\\u0000 study\",\"text\":\"Interleukin\\u00006 \\ud800raised\\u0001.\","
                        + "\"metadata\":{\"note\\u0000\":\"x\\u0000\"}}")
                .post("/api/documents").then().statusCode(202)
                .body("sanitized.controlCharacters", equalTo(5))
                .body("sanitized.loneSurrogates", equalTo(1))
                .body("warnings", hasItem(containsString("offsets are unchanged")));
        JsonPath doc = given().get("/api/documents/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("IL-6 study", doc.getString("document.passages[0].text"), "a title's whitespace is collapsed, as always");
        assertEquals("Interleukin 6 \uFFFDraised .", doc.getString("document.passages[1].text"));
        assertEquals(11, doc.getInt("document.passages[1].offset"), "title length + 1, as without the NUL");
        assertEquals("x ", doc.getString("document.metadata['note ']"));
    }

    @Test
    void biocOffsetsStayAsGivenBecauseEveryReplacementIsOneForOne() {
        String body = "{\"documents\":[{\"id\":\"nul-bioc-" + UUID.randomUUID() + "\",\"passages\":["
                + "{\"offset\":0,\"infons\":{\"type\":\"title\"},\"text\":\"IL\\u00006\"},"
                + "{\"offset\":5,\"infons\":{\"type\":\"abstract\"},\"text\":\"raised \\u0000in diabetes\"}]}]}";
        JsonPath answer = given().header("Authorization", KEY).contentType("application/bioc+json").body(body)
                .post("/api/documents").then().statusCode(202).extract().jsonPath();
        assertEquals(2, answer.getInt("results[0].sanitized.controlCharacters"));
        JsonPath doc = given().get("/api/documents/" + answer.getString("results[0].id")).then().statusCode(200).extract().jsonPath();
        assertEquals(5, doc.getInt("document.passages[1].offset"));
        assertEquals("raised  in diabetes", doc.getString("document.passages[1].text"));
        assertEquals("in", doc.getString("document.passages[1].text").substring(8, 10), "an annotation at 13–15 still says 'in'");
    }

    @Test
    void rawControlBytesInPlainTextPubTatorMarkdownAndHtmlAreReplacedToo() {
        String tag = UUID.randomUUID().toString();
        for (String[] format : new String[][]{{"text/plain", "Insulin\u0000resistance and IL-6\u0007 " + tag},
                {"application/x-pubtator", "77" + tag.hashCode() + "|t|IL-6\u0000 title\n77" + tag.hashCode() + "|a|Abstract\u0008 text\n"},
                // CommonMark itself turns NUL into U+FFFD; the escape character is ours to replace
                {"text/markdown", "# IL-6\u0000\n\nBody\u001b text " + tag + ".\n"},
                {"text/html", "<html><body><h1>IL-6\u0000</h1><p>Body\u0002 " + tag + "</p></body></html>"}}) {
            boolean list = format[0].equals("application/x-pubtator");
            JsonPath answer = given().header("Authorization", KEY).contentType(format[0])
                    .body(format[1].getBytes(StandardCharsets.UTF_8)).post("/api/documents").then().statusCode(202)
                    .body((list ? "results[0]." : "") + "sanitized.controlCharacters", greaterThanOrEqualTo(1))
                    .extract().jsonPath();
            String id = answer.getString((list ? "results[0]." : "") + "id");
            JsonPath stored = given().get("/api/documents/" + id).then().statusCode(200).extract().jsonPath();
            for (String text : stored.getList("document.passages.text", String.class)) {
                assertTrue(text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r'),
                        format[0] + " stored a control character: " + text);
            }
        }
    }

    @Test
    void aPathSegmentWithANulIsA400NotA500() {
        given().urlEncodingEnabled(false).get("/api/documents/abc%00def").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString("U+0000"));
        given().urlEncodingEnabled(false).get("/api/documents/abc%00def/status").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }
}
