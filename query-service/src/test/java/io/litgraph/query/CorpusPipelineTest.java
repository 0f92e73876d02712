package io.litgraph.query;

import io.litgraph.events.AnnotationEvent;
import io.litgraph.nlp.Engine;
import io.litgraph.nlp.io.PubTatorDocument;
import io.litgraph.nlp.io.PubTatorReader;
import io.litgraph.query.support.Eventually;
import io.litgraph.query.support.Kafka;
import io.litgraph.query.support.QueryTestResources;
import io.litgraph.query.support.SeedEvents;
import io.litgraph.query.support.StoreInvariants;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.litgraph.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A larger corpus through the real broker into the real database: the abstracts of two gold corpora in
 * {@code ../shared/corpora} (read at run time, never copied), annotated by the engine — with the compiled full
 * vocabulary when one is built, else the built-in one — then replayed, then partly replaced by new versions.
 * After each step the aggregates must equal what the detail rows say, and a replay must change nothing.
 */
@QuarkusTest
@TestProfile(CorpusPipelineTest.OwnStack.class)
@QuarkusTestResource(value = KafkaBrokerResource.class,
        initArgs = @ResourceArg(name = "topics", value = QueryTestResources.TOPICS))
@QuarkusTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = "role", value = QueryTestResources.ROLE),
        @ResourceArg(name = "schema", value = QueryTestResources.SCHEMA)})
class CorpusPipelineTest {

    /** A profile of its own: Quarkus restarts with a fresh broker and database, so 400 more documents do not
     * change what the other tests of this module count. */
    public static class OwnStack implements QuarkusTestProfile {
    }
    private static final Path CORPORA = Path.of(System.getProperty("litgraph.corpora", "../../shared/corpora"));
    private static final Path ARTIFACT = Path.of(System.getProperty("litgraph.vocab.artifact",
            "../.litgraph/vocab/litgraph-vocab.bin"));
    private static final int PER_CORPUS = 200;
    private static final int NEW_VERSIONS = 25;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Inject
    DataSource dataSource;

    @Test
    void aCorpusIsStoredOnceSurvivesAReplayAndTakesNewVersions() throws Exception {
        List<Path> files = List.of(CORPORA.resolve("BioRED/Train.PubTator"),
                CORPORA.resolve("NCBI-disease/NCBItrainset_corpus.txt"));
        assumeTrue(files.stream().allMatch(Files::isRegularFile), "no gold corpora at " + CORPORA.toAbsolutePath());
        Engine engine = Files.isRegularFile(ARTIFACT) ? Engine.load(ARTIFACT) : Engine.builtin();

        List<AnnotationEvent> events = new ArrayList<>();
        for (Path f : files) {
            for (PubTatorDocument d : PubTatorReader.read(f).stream().limit(PER_CORPUS).toList()) {
                events.add(SeedEvents.annotate(engine, "corpus-" + events.size(), d.title(), d.abstractText(), "corpus",
                        "2022-05"));
            }
        }
        long mentionsSent = events.stream().mapToLong(e -> e.mentions().size()).sum();
        assertTrue(mentionsSent > events.size(), "the engine found entities in the abstracts");

        events.forEach(Kafka::sendAnnotations);
        awaitStored(events.size(), 1);
        assertEquals(mentionsSent, countSql("SELECT count(*) FROM mention WHERE document_id LIKE 'corpus-%'"));
        StoreInvariants.assertAggregatesMatchDetailRows(dataSource);
        String afterFirstPass = snapshot();

        // a replay of the whole topic content: every event is an exact redelivery, nothing may change; the
        // sends are acknowledged, so a consumer lag of 0 afterwards means every replayed event was consumed
        events.forEach(Kafka::sendAnnotations);
        Eventually.assertThat(WAIT, () -> given().get("/api/stats").then().body("consumer.lag", equalTo(0)));
        assertEquals(afterFirstPass, snapshot(), "a replay changed the store");
        StoreInvariants.assertAggregatesMatchDetailRows(dataSource);

        // new versions of some documents: only their first sentence is left
        long expectedMentions = mentionsSent;
        for (AnnotationEvent old : events.subList(0, NEW_VERSIONS)) {
            String title = old.document().title();
            AnnotationEvent shorter = SeedEvents.annotate(engine, old.documentId(), title, "", "corpus", "2022-06");
            AnnotationEvent v2 = new AnnotationEvent(shorter.schemaVersion(), UUID.randomUUID().toString(),
                    old.documentId(), 2, Instant.now(), shorter.engine(), shorter.document(), shorter.sentences(),
                    shorter.concepts(), shorter.mentions(), shorter.relations());
            expectedMentions += v2.mentions().size() - old.mentions().size();
            Kafka.sendAnnotations(v2);
        }
        awaitStored(NEW_VERSIONS, 2);
        assertEquals(expectedMentions, countSql("SELECT count(*) FROM mention WHERE document_id LIKE 'corpus-%' "
));
        StoreInvariants.assertAggregatesMatchDetailRows(dataSource);

        String word = events.get(events.size() - 1).document().title().split("\\W+")[0];
        given().queryParam("q", word).get("/api/documents").then().statusCode(200)
                .body("items.size()", greaterThan(0));
    }

    private void awaitStored(int documents, int version) {
        Eventually.assertThat(WAIT, () -> assertEquals(documents, countSql(
                "SELECT count(*) FROM document WHERE id LIKE 'corpus-%' AND version = "
                        + version)));
    }

    /** Everything the corpus contributed, in one string: counts of every table and the aggregate sums. */
    private String snapshot() {
        return String.join(",", List.of(
                "SELECT count(*) FROM document", "SELECT count(*) FROM sentence", "SELECT count(*) FROM mention",
                "SELECT count(*) FROM relation", "SELECT coalesce(sum(document_count * 1000 + mention_count), 0) FROM concept",
                "SELECT coalesce(sum(document_count), 0) FROM concept_cooccurrence",
                "SELECT coalesce(sum(document_count + evidence_count), 0) FROM relation_summary",
                "SELECT coalesce(sum(mention_count + relation_count), 0) FROM document WHERE id LIKE 'corpus-%'")
                .stream().map(sql -> Long.toString(countSql(sql))).toList());
    }

    private long countSql(String sql) {
        return StoreInvariants.count(dataSource, sql);
    }
}
