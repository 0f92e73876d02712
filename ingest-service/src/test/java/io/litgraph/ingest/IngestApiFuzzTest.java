package io.litgraph.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.litgraph.events.Topics;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.litgraph.testsupport.PostgresResource;
import io.litgraph.testsupport.fuzz.ApiFuzzer;
import io.litgraph.testsupport.fuzz.FuzzFailures;
import io.litgraph.testsupport.fuzz.HostileInputs;
import io.litgraph.testsupport.fuzz.RawHttp;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every body field of every format, and every path segment and parameter, gets the hostile values of
 * {@link HostileInputs}: no 5xx, every 4xx problem+json, and every document the answer says was accepted
 * is stored with its outbox event (docs/RELIABILITY.md).
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, initArgs = @ResourceArg(name = "topics",
        value = Topics.DOCUMENTS + "," + Topics.STATUS + "," + Topics.DEAD_LETTER))
@QuarkusTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = "role", value = "litgraph_ingest"), @ResourceArg(name = "schema", value = "ingest")})
class IngestApiFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "Bearer test-key";

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource dataSource;

    /** A body of one format with the value in one of its fields. */
    private record Field(String name, String contentType, Function<String, byte[]> body) {
    }

    static List<Field> fields() {
        Function<String, String> j = HostileInputs::json;
        return List.of(
                json("json id", v -> "{\"id\":" + j.apply(v) + ",\"text\":\"IL-6 in fuzz\"}"),
                json("json title", v -> "{\"title\":" + j.apply(v) + ",\"text\":\"IL-6 in fuzz\"}"),
                json("json text", v -> "{\"text\":" + j.apply(v) + "}"),
                json("json sections", v -> "{\"sections\":[{\"title\":" + j.apply(v) + ",\"text\":" + j.apply(v) + "}]}"),
                json("json source/url/published", v -> "{\"text\":\"IL-6\",\"source\":" + j.apply(v) + ",\"url\":" + j.apply(v)
                        + ",\"published\":" + j.apply(v) + "}"),
                json("json authors/tags", v -> "{\"text\":\"IL-6\",\"authors\":[" + j.apply(v) + "],\"tags\":[" + j.apply(v) + "]}"),
                json("json metadata", v -> "{\"text\":\"IL-6\",\"metadata\":{" + j.apply(v) + ":" + j.apply(v)
                        + ",\"nested\":{\"list\":[" + j.apply(v) + "," + number(v) + "]}}}"),
                json("json field name", v -> "{" + j.apply(v) + ":1,\"text\":\"IL-6\"}"),
                json("bioc json text", v -> "{\"documents\":[{\"id\":\"f1\",\"passages\":[{\"offset\":0,\"infons\":{\"type\":"
                        + j.apply(v) + "},\"text\":" + j.apply(v) + "}]}]}"),
                json("bioc json id", v -> "{\"documents\":[{\"id\":" + j.apply(v) + ",\"passages\":[{\"offset\":0,\"text\":\"IL-6\"}]}]}"),
                json("bioc json offset", v -> "{\"documents\":[{\"id\":\"f2\",\"passages\":[{\"offset\":0,\"text\":\"IL-6\"},{\"offset\":"
                        + number(v) + ",\"text\":\"insulin\"}]}]}"),
                json("pubtator3 json", v -> "{\"PubTator3\":[{\"id\":\"f3\",\"date\":" + j.apply(v) + ",\"authors\":[" + j.apply(v)
                        + "],\"passages\":[{\"offset\":0,\"text\":" + j.apply(v) + ",\"annotations\":[{\"text\":" + j.apply(v) + "}]}]}]}"),
                raw("text", "text/plain; charset=utf-8", v -> v),
                raw("markdown", "text/markdown", v -> "---\ntitle: fuzz\n---\n# " + v + "\n\n" + v + "\n"),
                raw("html", "text/html", v -> "<html><head><title>" + v + "</title></head><body><h1>" + v + "</h1><p>" + v + "</p></body></html>"),
                raw("pubmed xml", "application/xml", v -> "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>7</PMID><Article>"
                        + "<ArticleTitle>" + xml(v) + "</ArticleTitle><Abstract><AbstractText>" + xml(v)
                        + "</AbstractText></Abstract></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>"),
                raw("bioc xml", "application/xml", v -> "<collection><source>fuzz</source><document><id>f4</id><passage><offset>"
                        + xml(v) + "</offset><text>IL-6</text></passage><passage><offset>100</offset><text>" + xml(v)
                        + "</text></passage></document></collection>"),
                raw("pubtator", "application/x-pubtator", v -> "9|t|" + v + "\n9|a|" + v + "\n9\t0\t4\tIL-6\tGene\t3569\n"),
                raw("pubtator pmid", "application/x-pubtator", v -> v + "|t|IL-6\n" + v + "|a|insulin\n"),
                ndjson("ndjson", v -> "{\"text\":" + j.apply(v) + "}\n{\"id\":" + j.apply(v) + ",\"text\":\"x\"}\n" + v + "\n"));
    }

    @Test
    void noInputMakesIngestFailOrLoseADocument() {
        ApiFuzzer fuzzer = new ApiFuzzer(new RawHttp(base.getHost(), base.getPort()), Duration.ofMinutes(8));
        FuzzFailures failures = fuzzer.failures();
        List<String> values = HostileInputs.values();
        int accepted = 0;
        for (String value : values) {
            for (Field field : fields()) {
                String path = field.contentType().equals("application/x-ndjson") ? "/api/documents/batch" : "/api/documents";
                RawHttp.Response response = fuzzer.send("POST", path,
                        Map.of("Content-Type", field.contentType(), "Authorization", KEY), field.body().apply(value),
                        "POST " + path + " " + field.name(), value);
                if (response != null && response.status() / 100 == 2) {
                    accepted += checkStored(response, field.name(), value, failures);
                }
            }
        }
        // the read endpoints and the query parameters of the writes; re-annotation republishes every stored
        // document, so it gets the named values only
        Function<ApiFuzzer.Operation, ApiFuzzer.Body> bodyFor = op -> op.method().equals("POST")
                ? new ApiFuzzer.Body(Map.of("Content-Type", "text/plain", "Authorization", KEY),
                "IL-6 and insulin".getBytes(StandardCharsets.UTF_8)) : null;
        fuzzer.fuzzParameters(values, bodyFor, op -> !op.path().startsWith("/api/admin/"));
        fuzzer.fuzzParameters(HostileInputs.named().subList(0, 5), bodyFor, op -> op.path().startsWith("/api/admin/"));
        System.out.printf("ingest-service fuzz: %d cases, %d documents accepted and found stored%n", failures.sent(), accepted);
        assertTrue(accepted > 0, "some fuzzed documents are acceptable (a control character is replaced, not refused)");
        assertTrue(failures.failures().isEmpty(), failures.report());
    }

    /** Every document the answer calls accepted is stored, at that version, with its outbox event. */
    private int checkStored(RawHttp.Response response, String field, String value, FuzzFailures failures) {
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (Exception e) {
            failures.add(field, value, "a " + response.status() + " whose body is not JSON: " + response);
            return 0;
        }
        Map<String, Integer> accepted = new LinkedHashMap<>();
        if (answer.has("results")) {
            answer.get("results").forEach(item -> {
                if (!item.has("error") && !item.path("duplicate").asBoolean(false)) {
                    accepted.put(item.path("id").asText(), item.path("version").asInt());
                }
            });
        } else if (response.status() == 202) {
            accepted.put(answer.path("id").asText(), answer.path("version").asInt());
        }
        accepted.forEach((id, version) -> {
            if (!storedWithEvent(id, version)) {
                failures.add(field, value, "document " + id + " v" + version + " was accepted but is not stored with its outbox event");
            }
        });
        return accepted.size();
    }

    private boolean storedWithEvent(String id, int version) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT (SELECT count(*) FROM documents WHERE id = ? AND version >= ?)"
                     + " + (SELECT count(*) FROM outbox WHERE document_id = ? AND document_version = ?)")) {
            s.setString(1, id);
            s.setInt(2, version);
            s.setString(3, id);
            s.setInt(4, version);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getInt(1) == 2;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field json(String name, Function<String, String> body) {
        return new Field(name, "application/json", v -> body.apply(v).getBytes(StandardCharsets.UTF_8));
    }

    private static Field raw(String name, String contentType, Function<String, String> body) {
        return new Field(name, contentType, v -> HostileInputs.bytes(body.apply(HostileInputs.text(v))));
    }

    private static Field ndjson(String name, Function<String, String> body) {
        return new Field(name, "application/x-ndjson", v -> HostileInputs.bytes(body.apply(HostileInputs.text(v))));
    }

    /** A JSON number when the value is one, otherwise the value as a string (a wrong type is an input too). */
    private static String number(String value) {
        String v = HostileInputs.text(value).strip();
        return v.matches("-?\\d{1,400}") ? v : HostileInputs.json(value);
    }

    /** Escapes markup only: controls stay, and make the XML malformed, which must be a 400. */
    private static String xml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
