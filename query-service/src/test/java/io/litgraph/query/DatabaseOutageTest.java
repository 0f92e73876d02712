package io.litgraph.query;

import io.litgraph.events.Topics;
import io.litgraph.query.support.Eventually;
import io.litgraph.query.support.Kafka;
import io.litgraph.query.support.QueryTestResources;
import io.litgraph.query.support.TestEvents;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.litgraph.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * PostgreSQL becomes unavailable while annotation events stream in: every service connection is
 * terminated (what a restart does to them) and the role cannot log in for a few seconds (what a
 * server that is still down looks like to the pool). The consumer must wait it out, not dead-letter.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class,
        initArgs = @ResourceArg(name = "topics", value = QueryTestResources.TOPICS))
@QuarkusTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = "role", value = QueryTestResources.ROLE),
        @ResourceArg(name = "schema", value = QueryTestResources.SCHEMA)})
class DatabaseOutageTest {
    private static final int DOCUMENTS = 40;

    @Inject
    DataSource dataSource;

    @Test
    void documentsStreamedDuringAnOutageAreAllStoredOnceAndNoneDeadLettered() throws Exception {
        CompletableFuture<Void> streaming = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < DOCUMENTS; i++) {
                Kafka.sendAnnotations(TestEvents.document("outage-" + i, 1, "Metformin in zebrafish " + i,
                                "Metformin changes the gut microbiome of zebrafish.")
                        .concept("OUTAGE:metformin", "ChemicalEntity", "Metformin")
                        .concept("OUTAGE:zebrafish", "OrganismTaxon", "Danio rerio")
                        .mention("Metformin", "OUTAGE:metformin")
                        .mention("zebrafish", "OUTAGE:zebrafish").build());
                sleep(100);
            }
        });
        Eventually.assertThat(Duration.ofSeconds(30), () -> assertTrue(storedCount() >= 3));

        try (Connection admin = superuser(); Statement s = admin.createStatement()) {
            s.execute("ALTER ROLE " + QueryTestResources.ROLE + " NOLOGIN");
            try {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '"
                        + QueryTestResources.ROLE + "'");
                Eventually.assertThat(Duration.ofSeconds(20),
                        () -> given().get("/q/health/ready").then().statusCode(503));
                sleep(3000);
            } finally {
                s.execute("ALTER ROLE " + QueryTestResources.ROLE + " LOGIN");
            }
        }
        streaming.get(60, TimeUnit.SECONDS);

        Eventually.assertThat(Duration.ofSeconds(60), () -> assertEquals(DOCUMENTS, storedCount()));
        // title and body both name metformin and zebrafish
        assertEquals(4L * DOCUMENTS, count("SELECT count(*) FROM mention WHERE document_id LIKE 'outage-%'"));
        assertEquals(DOCUMENTS, count("SELECT document_count FROM concept WHERE id = 'OUTAGE:metformin'"),
                "aggregates count each document once");
        assertEquals(DOCUMENTS, count("SELECT document_count FROM concept_cooccurrence "
                + "WHERE concept_id = 'OUTAGE:metformin' AND other_id = 'OUTAGE:zebrafish'"));
        List<String> deadKeys = Kafka.keysOn(Topics.DEAD_LETTER);
        assertEquals(List.of(), deadKeys.stream().filter(k -> k != null && k.startsWith("outage-")).toList());
        Eventually.assertThat(Duration.ofSeconds(20), () -> given().get("/q/health/ready").then().statusCode(200));
    }

    private static void assertTrue(boolean condition) {
        org.junit.jupiter.api.Assertions.assertTrue(condition);
    }

    private long storedCount() {
        return count("SELECT count(*) FROM document WHERE id LIKE 'outage-%'");
    }

    /** The embedded server's superuser (trust authentication on localhost). */
    private static Connection superuser() throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        return DriverManager.getConnection(url.replaceFirst("\\?.*$", ""), "postgres", "");
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
