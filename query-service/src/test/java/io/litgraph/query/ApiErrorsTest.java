package io.litgraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.util.List;
import io.litgraph.testsupport.OpenApiContract;
import io.litgraph.query.support.QueryTestResources;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.litgraph.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Bad input gets problem+json naming what was wrong; the service's plumbing endpoints are up. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class,
        initArgs = @ResourceArg(name = "topics", value = QueryTestResources.TOPICS))
@QuarkusTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = "role", value = QueryTestResources.ROLE),
        @ResourceArg(name = "schema", value = QueryTestResources.SCHEMA)})
class ApiErrorsTest {

    @Test
    void unknownDocumentIs404ProblemJson() {
        given().get("/api/documents/no-such-document").then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404))
                .body("title", equalTo("Not found"))
                .body("detail", containsString("no-such-document"))
                .body("instance", equalTo("/api/documents/no-such-document"));
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        given().queryParam("limit", "ten").get("/api/documents").then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors[0].parameter", equalTo("limit"));
        given().queryParam("limit", "0").get("/api/concepts").then().statusCode(400)
                .body("errors[0].parameter", equalTo("limit"));
        given().queryParam("cursor", "!!garbage").get("/api/documents").then().statusCode(400)
                .body("errors[0].parameter", equalTo("cursor"));
        given().queryParam("type", "Spaceship").get("/api/concepts").then().statusCode(400)
                .body("errors[0].parameter", equalTo("type"));
    }

    @Test
    void limitsAreClampedAndStated() {
        given().queryParam("limit", "100000").get("/api/documents").then().statusCode(200)
                .body("limit", equalTo(100));
        given().get("/api/concepts").then().statusCode(200).body("limit", equalTo(20));
    }

    @Test
    void unknownPathIs404ProblemJson() {
        given().get("/api/nothing-here").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void healthMetricsAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.hasItem(containsString("Database")));
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/documents"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void theContractDeclaresEveryOperationOpenWithItsAnswers() {
        java.util.Map<String, Object> document = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("");
        assertEquals(List.of(), OpenApiContract.violations(document, (method, path) -> List.of()));
    }

    @Test
    void anAcceptTheOperationCannotProduceIs406ProblemJson() {
        given().accept("text/html").get("/api/stats").then().statusCode(406)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(406));
    }
}
