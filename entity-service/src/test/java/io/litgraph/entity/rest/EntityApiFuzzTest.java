package io.litgraph.entity.rest;

import io.litgraph.events.Topics;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.litgraph.testsupport.fuzz.ApiFuzzer;
import io.litgraph.testsupport.fuzz.HostileInputs;
import io.litgraph.testsupport.fuzz.RawHttp;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every body field of every input format of {@code POST /api/annotate}, and every parameter and path
 * segment of the service's API, gets the hostile values of {@link HostileInputs}: no 5xx, and every 4xx
 * problem+json (docs/RELIABILITY.md).
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, initArgs = @ResourceArg(name = "topics",
        value = Topics.DOCUMENTS + "," + Topics.ANNOTATIONS + "," + Topics.STATUS + "," + Topics.DEAD_LETTER))
class EntityApiFuzzTest {
    private static final String KEY = "Bearer test-key";

    @TestHTTPResource("/")
    URL base;

    private record Field(String name, String contentType, Function<String, String> body) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("text", "text/plain", v -> v),
            new Field("json id/title/text", "application/json", v -> "{\"id\":" + HostileInputs.json(v) + ",\"title\":"
                    + HostileInputs.json(v) + ",\"text\":" + HostileInputs.json(v) + "}"),
            new Field("bioc json text", "application/json", v -> "{\"documents\":[{\"id\":" + HostileInputs.json(v)
                    + ",\"passages\":[{\"offset\":0,\"text\":" + HostileInputs.json(v) + "}]}]}"),
            new Field("bioc json offset", "application/json", v -> "{\"documents\":[{\"id\":\"1\",\"passages\":[{\"offset\":0,"
                    + "\"text\":\"IL-6\"},{\"offset\":" + number(v) + ",\"text\":\"insulin\"}]}]}"),
            new Field("pubtator", "text/x-pubtator", v -> "1|t|" + HostileInputs.text(v) + "\n1|a|" + HostileInputs.text(v) + "\n"),
            new Field("pubtator annotation", "text/x-pubtator", v -> "1|t|IL-6 raised\n1\t" + number(v) + "\t4\tIL-6\tGene\t"
                    + HostileInputs.text(v) + "\n"));

    @Test
    void noInputMakesTheEntityApiFail() {
        while (given().get("/q/health/ready").statusCode() != 200) {
            Thread.onSpinWait();
        }
        ApiFuzzer fuzzer = new ApiFuzzer(new RawHttp(base.getHost(), base.getPort()), Duration.ofMinutes(8));
        List<String> values = HostileInputs.values();
        for (String value : values) {
            for (Field field : FIELDS) {
                byte[] body = field.contentType().equals("application/json")
                        ? field.body().apply(value).getBytes(StandardCharsets.UTF_8) : HostileInputs.bytes(field.body().apply(value));
                fuzzer.send("POST", "/api/annotate", Map.of("Content-Type", field.contentType(), "Authorization", KEY), body,
                        "POST /api/annotate " + field.name(), value);
            }
        }
        fuzzer.fuzzParameters(values, op -> op.method().equals("POST")
                ? new ApiFuzzer.Body(Map.of("Content-Type", "text/plain", "Authorization", KEY),
                "IL-6 and insulin".getBytes(StandardCharsets.UTF_8)) : null);
        System.out.printf("entity-service fuzz: %d cases over %d operations%n", fuzzer.failures().sent(), fuzzer.operations().size());
        assertTrue(fuzzer.failures().failures().isEmpty(), fuzzer.failures().report());
    }

    private static String number(String value) {
        String v = HostileInputs.text(value).strip();
        return v.matches("-?\\d{1,400}") ? v : HostileInputs.json(value);
    }
}
