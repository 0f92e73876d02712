package io.litgraph.query;

import io.litgraph.events.AnnotationEvent;
import io.litgraph.query.support.Eventually;
import io.litgraph.query.support.Kafka;
import io.litgraph.query.support.QueryTestResources;
import io.litgraph.query.support.TestEvents;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.litgraph.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Path search over a hand-built relation graph whose best chains are known: ranking by the product of
 * the hops' beliefs (every sentence has confidence 0.8: a relation in n documents has belief 1 - 0.2^n),
 * the hop, fan-out and minDocs bounds, evidence per hop, agreement with a brute-force search in SQL,
 * and that a newly stored document changes the answer at once (the in-memory graph and the cached
 * autocomplete answers are read again).
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class,
        initArgs = @ResourceArg(name = "topics", value = QueryTestResources.TOPICS))
@QuarkusTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = "role", value = QueryTestResources.ROLE),
        @ResourceArg(name = "schema", value = QueryTestResources.SCHEMA)})
class PathSearchTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Map<String, String> NAMES = Map.of("PT:A", "alphaxin", "PT:B", "betaxin", "PT:C", "gammaxin",
            "PT:D", "deltaxin", "PT:E", "epsilonxin", "PT:F", "zetaxin", "PT:G", "etaxin", "PT:H", "hubxin");
    private static boolean loaded;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void loadGraph() {
        if (loaded) {
            return;
        }
        List<AnnotationEvent> events = new ArrayList<>();
        // A-C-E-D: three hops of 4 documents (0.9984³ = 0.9952); A-D directly in 1 (0.8); A-B-D: two hops of
        // 2, A-B with a negated sentence too (0.8 · 0.96 = 0.768)
        events.addAll(relation("PT:A", "PT:C", 4, "pt-ac"));
        events.addAll(relation("PT:C", "PT:E", 4, "pt-ce"));
        events.addAll(relation("PT:E", "PT:D", 4, "pt-ed"));
        events.addAll(relation("PT:A", "PT:B", 2, "pt-ab"));
        events.addAll(relation("PT:B", "PT:D", 2, "pt-bd"));
        events.addAll(relation("PT:A", "PT:D", 1, "pt-ad"));
        // "pt-ab-0n" sorts among the affirmed ones, so leaving it out of the evidence is visible
        events.add(negated("PT:A", "PT:B", "pt-ab-0n"));
        events.add(hub(30));
        // F and G are known concepts, but no relation links them yet
        events.add(TestEvents.document("pt-fg-mentioned", 1, "Path test", "Zetaxin and etaxin.")
                .concept("PT:F", "GeneOrGeneProduct", "zetaxin").concept("PT:G", "GeneOrGeneProduct", "etaxin")
                .mention("Zetaxin", "PT:F").mention("etaxin", "PT:G").build());
        events.forEach(Kafka::sendAnnotations);
        for (AnnotationEvent e : events) {
            Eventually.assertThat(WAIT, () -> given().get("/api/documents/" + e.documentId()).then().statusCode(200));
        }
        loaded = true;
    }

    @Test
    void chainsAreRankedByTheProductOfTheirHopsBeliefs() {
        JsonPath p = paths("PT:A", "PT:D", Map.of());
        assertEquals(List.of(List.of("PT:A", "PT:C", "PT:E", "PT:D"), List.of("PT:A", "PT:D"), List.of("PT:A", "PT:B", "PT:D")),
                p.getList("paths.concepts"), p.prettify());
        assertEquals(List.of(4, 1, 2), p.getList("paths.support"), p.prettify());
        assertEquals(List.of(0.995208f, 0.8f, 0.768f), p.getList("paths.belief"), p.prettify());
        assertFalse(p.getBoolean("truncated"), p.prettify());
        assertEquals(bruteForceBestBelief("PT:A", "PT:D"), p.getDouble("paths[0].belief"), 1e-6);
        assertEquals(List.of("PT:A", "PT:C"), List.of(p.getString("paths[0].hops[0].from.id"), p.getString("paths[0].hops[0].to.id")));
        assertEquals("alphaxin", p.getString("paths[0].hops[0].from.name"));
        assertEquals(List.of(Map.of("type", "Positive_Correlation", "subjectId", "PT:A", "objectId", "PT:C",
                "directed", true, "documents", 4, "belief", 0.9984f)), p.getList("paths[0].hops[0].relations"));

        // hops are walked against the relations' direction too: D-E-C-A is the same chain
        JsonPath back = paths("PT:D", "PT:A", Map.of());
        assertEquals(List.of("PT:D", "PT:E", "PT:C", "PT:A"), back.getList("paths[0].concepts"));
        assertEquals("PT:E", back.getString("paths[0].hops[0].relations[0].subjectId"), back.prettify());

        for (String[] pair : new String[][]{{"PT:B", "PT:E"}, {"PT:C", "PT:B"}, {"PT:E", "PT:A"}}) {
            JsonPath q = paths(pair[0], pair[1], Map.of());
            assertFalse(q.getBoolean("truncated"), q.prettify());
            assertEquals(bruteForceBestBelief(pair[0], pair[1]), q.getDouble("paths[0].belief"), 1e-6, q.prettify());
        }
    }

    @Test
    void hopsMinDocsLimitAndRelationTypeBoundTheSearch() {
        assertEquals(List.of(List.of("PT:A", "PT:D"), List.of("PT:A", "PT:B", "PT:D")),
                paths("PT:A", "PT:D", Map.of("maxHops", "2")).getList("paths.concepts"));
        assertEquals(List.of(List.of("PT:A", "PT:D")), paths("PT:A", "PT:D", Map.of("maxHops", "1")).getList("paths.concepts"));
        assertEquals(List.of(List.of("PT:A", "PT:C", "PT:E", "PT:D")),
                paths("PT:A", "PT:D", Map.of("minDocs", "3")).getList("paths.concepts"));
        JsonPath one = paths("PT:A", "PT:D", Map.of("limit", "1"));
        assertEquals(1, one.getList("paths").size());
        assertEquals(1, one.getInt("limit"));
        assertTrue(paths("PT:A", "PT:D", Map.of("relation", "Association")).getList("paths").isEmpty());
        assertEquals(3, paths("PT:A", "PT:D", Map.of("relation", "Positive_Correlation")).getList("paths").size());
    }

    @Test
    void aHubBeyondTheFanOutSaysTruncatedButItsTargetSideIsComplete() {
        JsonPath out = paths("PT:H", "PT:A", Map.of());
        assertTrue(out.getList("paths").isEmpty(), out.prettify());
        assertTrue(out.getBoolean("truncated"), "30 neighbours, 25 expanded: " + out.prettify());
        // as a target the hub is not fanned out: the leaf ranked last by id is still found
        JsonPath in = paths("PT:L29", "PT:H", Map.of());
        assertEquals(List.of("PT:L29", "PT:H"), in.getList("paths[0].concepts"), in.prettify());
        assertFalse(in.getBoolean("truncated"), in.prettify());
    }

    @Test
    void eachHopCarriesAtMostThreeAffirmedSentencesOfItsRelationsInDocumentOrder() {
        JsonPath p = paths("PT:A", "PT:D", Map.of());
        assertEquals(List.of("pt-ac-0", "pt-ac-1", "pt-ac-2"), p.getList("paths[0].hops[0].evidence.documentId"));
        assertEquals("Alphaxin activates gammaxin.", p.getString("paths[0].hops[0].evidence[0].sentence.text"));
        // A-B has a negated sentence too: it is never shown
        List<Boolean> negated = p.getList("paths[2].hops[0].evidence.negated");
        assertEquals(List.of(false, false), negated, p.prettify());
        assertEquals(List.of("pt-ab-0", "pt-ab-1"), p.getList("paths[2].hops[0].evidence.documentId"));
        assertEquals(List.of("pt-ad-0"), p.getList("paths[1].hops[0].evidence.documentId"));
    }

    @Test
    void aStoredDocumentChangesTheNextSearch() {
        assertTrue(paths("PT:F", "PT:G", Map.of()).getList("paths").isEmpty());
        given().queryParam("q", "zetaxin").get("/api/concepts").then().body("items[0].documentCount", equalTo(1));
        relation("PT:F", "PT:G", 2, "pt-fg").forEach(Kafka::sendAnnotations);
        for (String id : List.of("pt-fg-0", "pt-fg-1")) {
            Eventually.assertThat(WAIT, () -> given().get("/api/documents/" + id).then().statusCode(200));
        }
        JsonPath p = paths("PT:F", "PT:G", Map.of());
        assertEquals(List.of(List.of("PT:F", "PT:G")), p.getList("paths.concepts"), p.prettify());
        assertEquals(2, p.getInt("paths[0].support"));
        // autocomplete answers are reused too, but not across a stored document
        given().queryParam("q", "zetaxin").get("/api/concepts").then().body("items[0].documentCount", equalTo(3));
    }

    private static JsonPath paths(String from, String to, Map<String, String> params) {
        return given().queryParam("from", from).queryParam("to", to).queryParams(params).get("/api/paths")
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<AnnotationEvent> relation(String subject, String object, int documents, String prefix) {
        List<AnnotationEvent> out = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            out.add(document(prefix + "-" + i, subject, object, false));
        }
        return out;
    }

    /** One document in which a hub concept activates {@code leaves} others, PT:L00 to PT:Lnn. */
    private static AnnotationEvent hub(int leaves) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < leaves; i++) {
            names.add(name(String.format("PT:L%02d", i)));
        }
        TestEvents doc = TestEvents.document("pt-hub", 1, "Path test hub", "Hubxin activates " + String.join(", ", names) + ".")
                .concept("PT:H", "GeneOrGeneProduct", "hubxin").mention("Hubxin", "PT:H");
        for (int i = 0; i < leaves; i++) {
            String leaf = String.format("PT:L%02d", i);
            doc.concept(leaf, "GeneOrGeneProduct", names.get(i)).mention(names.get(i), leaf)
                    .relation("Positive_Correlation", "Hubxin", "PT:H", "activates", names.get(i), leaf, false);
        }
        return doc.build();
    }

    private static AnnotationEvent negated(String subject, String object, String id) {
        return document(id, subject, object, true);
    }

    private static AnnotationEvent document(String id, String subject, String object, boolean negated) {
        String s = name(subject);
        String o = name(object);
        String first = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        String body = negated ? first + " does not activate " + o + "." : first + " activates " + o + ".";
        return TestEvents.document(id, 1, "Path test " + id, body)
                .concept(subject, "GeneOrGeneProduct", s).concept(object, "GeneOrGeneProduct", o)
                .mention(first, subject).mention(o, object)
                .relation("Positive_Correlation", first, subject, negated ? "activate" : "activates", o, object, negated)
                .build();
    }

    private static String name(String id) {
        return NAMES.getOrDefault(id, id.substring(3).toLowerCase() + "leafxin");
    }

    /**
     * The best product of hop beliefs over every simple chain of at most three affirmed relations of belief
     * at least 0.8 (the default threshold), in SQL.
     */
    private double bruteForceBestBelief(String from, String to) {
        String sql = """
                WITH d AS (
                    SELECT subject_id AS u, object_id AS v, belief AS w FROM relation_summary
                    WHERE document_count > 0 AND subject_id <> object_id AND belief >= 0.8
                    UNION ALL
                    SELECT object_id, subject_id, belief FROM relation_summary
                    WHERE document_count > 0 AND subject_id <> object_id AND belief >= 0.8),
                e AS (SELECT u, v, max(w) AS w FROM d GROUP BY u, v)
                SELECT coalesce(max(s), 0) FROM (
                    SELECT w AS s FROM e WHERE u = ? AND v = ?
                    UNION ALL
                    SELECT e1.w * e2.w FROM e e1 JOIN e e2 ON e2.u = e1.v
                    WHERE e1.u = ? AND e2.v = ? AND e1.v <> e2.v
                    UNION ALL
                    SELECT e1.w * e2.w * e3.w FROM e e1 JOIN e e2 ON e2.u = e1.v JOIN e e3 ON e3.u = e2.v
                    WHERE e1.u = ? AND e3.v = ? AND e2.v <> e1.u AND e1.v <> e3.v AND e2.v <> e3.v) chains
                """;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < 6; i += 2) {
                ps.setString(i + 1, from);
                ps.setString(i + 2, to);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
