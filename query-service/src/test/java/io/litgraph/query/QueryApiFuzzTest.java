package io.litgraph.query;

import io.litgraph.events.AnnotationEvent;
import io.litgraph.query.support.Eventually;
import io.litgraph.query.support.Kafka;
import io.litgraph.query.support.QueryTestResources;
import io.litgraph.query.support.SeedEvents;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.litgraph.testsupport.PostgresResource;
import io.litgraph.testsupport.fuzz.ApiFuzzer;
import io.litgraph.testsupport.fuzz.HostileInputs;
import io.litgraph.testsupport.fuzz.RawHttp;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every query parameter and path segment of every read endpoint, over a store holding the seeds, gets
 * the hostile values of {@link HostileInputs}: no 5xx, every 4xx problem+json (docs/RELIABILITY.md).
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class,
        initArgs = @ResourceArg(name = "topics", value = QueryTestResources.TOPICS))
@QuarkusTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = "role", value = QueryTestResources.ROLE),
        @ResourceArg(name = "schema", value = QueryTestResources.SCHEMA)})
class QueryApiFuzzTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void noParameterOrPathSegmentMakesTheApiFail() throws Exception {
        List<AnnotationEvent> seeds = SeedEvents.all();
        for (AnnotationEvent e : seeds) {
            Kafka.sendAnnotations(e);
        }
        for (AnnotationEvent e : seeds) {
            Eventually.assertThat(Duration.ofSeconds(60),
                    () -> given().get("/api/documents/" + e.documentId()).then().statusCode(200));
        }
        ApiFuzzer fuzzer = new ApiFuzzer(new RawHttp(base.getHost(), base.getPort()), Duration.ofMinutes(8));
        assertTrue(fuzzer.operations().size() >= 10, "the OpenAPI document lists the read endpoints: " + fuzzer.operations());
        fuzzer.fuzzParameters(HostileInputs.values(), op -> null);
        System.out.printf("query-service fuzz: %d cases over %d operations%n", fuzzer.failures().sent(), fuzzer.operations().size());
        assertTrue(fuzzer.failures().failures().isEmpty(), fuzzer.failures().report());
    }

    @Test
    void aConceptFilterThatCannotMatchIsRefusedNotDropped() {
        for (String path : List.of("/api/relations?subject=", "/api/relations?object=", "/api/documents?concept=",
                "/api/export?concept=", "/api/paths?to=MESH:D007333&from=")) {
            RawHttp.Response r = new RawHttp(base.getHost(), base.getPort())
                    .send("GET", path + "MESH:D007333%00", Map.of(), null);
            assertTrue(r.status() == 400 && r.isProblemJson(), path + " → " + r);
        }
    }
}
