package io.litgraph.ingest;

import io.litgraph.events.Topics;
import io.litgraph.ingest.domain.OutboxMessage;
import io.litgraph.ingest.messaging.OutboxCleanup;
import io.litgraph.ingest.support.Poll;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.litgraph.testsupport.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Published outbox rows are deleted after their retention; undelivered ones never are. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, initArgs = @ResourceArg(name = "topics",
        value = Topics.DOCUMENTS + "," + Topics.STATUS + "," + Topics.DEAD_LETTER))
@QuarkusTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = "role", value = "litgraph_ingest"), @ResourceArg(name = "schema", value = "ingest")})
class OutboxCleanupTest {
    @Inject
    OutboxCleanup cleanup;

    @Test
    void publishedRowsGoUnpublishedRowsStay() {
        String id = "cleanup-" + UUID.randomUUID();
        given().header("Authorization", "Bearer test-key").contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"text\":\"IL-6 in type 2 diabetes.\"}")
                .when().post("/api/documents").then().statusCode(202);
        Poll.until(() -> published(id), p -> p, Duration.ofSeconds(30));
        long pendingBefore = QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("processedAt is null"));

        assertEquals(0, cleanup.deletePublishedBefore(Instant.now().minusSeconds(3600)), "younger than the retention: kept");
        assertTrue(cleanup.deletePublishedBefore(Instant.now().plusSeconds(1)) >= 1);

        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("documentId", id)));
        assertEquals(pendingBefore, QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("processedAt is null")),
                "undelivered rows are never deleted");
    }

    private static boolean published(String id) {
        return QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.count("documentId = ?1 and processedAt is not null", id) == 1);
    }
}
