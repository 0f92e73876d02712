package io.litgraph.ingest;

import io.litgraph.events.Topics;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.litgraph.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every bad input gets its 4xx as RFC 7807 problem+json, and never a stack trace. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, initArgs = @ResourceArg(name = "topics",
        value = Topics.DOCUMENTS + "," + Topics.STATUS + "," + Topics.DEAD_LETTER))
@QuarkusTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = "role", value = "litgraph_ingest"), @ResourceArg(name = "schema", value = "ingest")})
class BadInputTest {
    private static final String KEY = "Bearer test-key";

    static Stream<Arguments> badInputs() {
        String billionLaughs = "<?xml version=\"1.0\"?><!DOCTYPE collection [<!ENTITY a \"aaaaaaaaaa\">"
                + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
                + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>"
                + "<collection><document><id>1</id><passage><offset>0</offset><text>&e;</text></passage></document></collection>";
        return Stream.of(
                // name, content type, Authorization, body, status, problem type, line (or null)
                Arguments.of("empty JSON text", "application/json", KEY, utf8("{\"text\": \"  \\n \"}"), 422, "empty-text", null),
                Arguments.of("JSON without text", "application/json", KEY, utf8("{\"title\": \"only a title\"}"), 422, "empty-text", null),
                Arguments.of("whitespace-only text/plain", "text/plain", KEY, utf8(" \n\t \n"), 422, "empty-text", null),
                Arguments.of("empty text/plain", "text/plain", KEY, new byte[0], 422, "empty-text", null),
                Arguments.of("malformed JSON", "application/json", KEY, utf8("{\"text\": \"a\",\n \"title\": }"), 400, "malformed-json", 2),
                Arguments.of("JSON array", "application/json", KEY, utf8("[1, 2]"), 422, "invalid-document", null),
                Arguments.of("wrong JSON field type", "application/json", KEY, utf8("{\"text\": 42}"), 422, "invalid-document", null),
                Arguments.of("invalid id", "application/json", KEY, utf8("{\"id\": \"a b/c\", \"text\": \"x\"}"), 422, "invalid-document", null),
                Arguments.of("malformed XML", "application/xml", KEY, utf8("<PubmedArticleSet>\n<PubmedArticle>\n</PubmedArticleSet>"), 400, "malformed-xml", 3),
                Arguments.of("entity expansion bomb", "application/xml", KEY, utf8(billionLaughs), 400, "malformed-xml", null),
                Arguments.of("unknown XML root", "application/xml", KEY, utf8("<rss><channel/></rss>"), 415, "unsupported-xml", null),
                Arguments.of("malformed front matter", "text/markdown", KEY, utf8("---\ntitle: [oops\n---\nBody."), 400, "malformed-yaml", null),
                Arguments.of("unsupported type", "application/pdf", KEY, utf8("%PDF-1.4"), 415, "unsupported-media-type", null),
                Arguments.of("unsupported charset", "text/plain; charset=x-no-such", KEY, utf8("text"), 415, "unsupported-charset", null),
                Arguments.of("text too large", "text/plain", KEY, utf8("word ".repeat(60_000)), 413, "text-too-large", null),
                Arguments.of("invalid UTF-8", "text/plain; charset=utf-8", KEY, new byte[]{'I', 'L', '-', '6', (byte) 0xC3, '(', ' '}, 400, "invalid-encoding", null),
                Arguments.of("no API key", "text/plain", null, utf8("IL-6"), 401, "unauthorized", null),
                Arguments.of("wrong API key", "text/plain", "Bearer not-a-key", utf8("IL-6"), 403, "forbidden", null));
    }

    @ParameterizedTest(name = "{0} → {4}")
    @MethodSource("badInputs")
    void badInputIsAProblem(String name, String contentType, String authorization, byte[] body, int status,
                            String type, Integer line) {
        RequestSpecification request = given().contentType(contentType).body(body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        Response response = request.when().post("/api/documents");
        response.then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", equalTo("https://litgraph.io/problems/" + type))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("instance", equalTo("/api/documents"));
        if (line != null) {
            response.then().body("line", equalTo(line)).body("column", notNullValue());
        }
        String raw = response.asString();
        assertFalse(raw.contains("\tat ") || raw.contains("Exception:"), "no stack trace in: " + raw);
    }

    @Test
    void unsupportedTypeListsWhatIsSupported() {
        given().header("Authorization", KEY).contentType("application/msword").body("x".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/documents")
                .then().statusCode(415).body("supported", hasItem("application/x-pubtator"));
    }

    @Test
    void missingKeyAsksForBearer() {
        String challenge = given().contentType("text/plain").body("IL-6").when().post("/api/documents")
                .then().statusCode(401).extract().header("WWW-Authenticate");
        assertEquals("Bearer realm=\"litgraph\"", challenge);
    }

    @Test
    void secondConfiguredKeyWorksAndReadsNeedNoKey() {
        String id = given().header("Authorization", "Bearer second-test-key").contentType("text/plain")
                .body("Read access needs no key; IL-1 beta.").when().post("/api/documents")
                .then().statusCode(202).extract().path("id");
        given().get("/api/documents/" + id + "/status").then().statusCode(200);
    }

    @Test
    void unknownJsonFieldsAreIgnoredButReported() {
        given().header("Authorization", KEY).contentType("application/json")
                .body("{\"text\": \"Adiponectin and insulin sensitivity.\", \"txt\": \"typo\", \"colour\": 1}")
                .when().post("/api/documents")
                .then().statusCode(202)
                .body("warnings", hasItem("unknown field 'txt' ignored"))
                .body("warnings", hasItem("unknown field 'colour' ignored"))
                .body("warnings.size()", equalTo(2))
                .body("$", not(org.hamcrest.Matchers.hasKey("txt")));
    }

    @Test
    void unknownPathIsAProblemToo() {
        given().get("/api/nothing-here").then().statusCode(404).contentType(containsString("problem+json"));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
