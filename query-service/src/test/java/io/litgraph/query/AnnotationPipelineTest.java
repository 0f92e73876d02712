package io.litgraph.query;

import io.litgraph.events.AnnotationEvent;
import io.litgraph.events.DeadLetterEvent;
import io.litgraph.events.DocumentStatusEvent;
import io.litgraph.events.EventJson;
import io.litgraph.events.Topics;
import io.litgraph.query.messaging.AnnotationConsumer;
import io.litgraph.query.support.Eventually;
import io.litgraph.query.support.Kafka;
import io.litgraph.query.support.QueryTestResources;
import io.litgraph.query.support.StoreInvariants;
import io.litgraph.query.support.TestEvents;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.litgraph.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consumer end to end: real broker, real PostgreSQL, events produced with plain kafka-clients. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class,
        initArgs = @ResourceArg(name = "topics", value = QueryTestResources.TOPICS))
@QuarkusTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = "role", value = QueryTestResources.ROLE),
        @ResourceArg(name = "schema", value = QueryTestResources.SCHEMA)})
class AnnotationPipelineTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource dataSource;

    @Inject
    AnnotationConsumer consumer;

    static TestEvents il6Document(String id, int version) {
        return TestEvents.document(id, version, "Interleukin 6 links loneliness and insulin resistance",
                        "Loneliness raises interleukin 6 (IL-6) in older adults. IL-6 promotes insulin resistance. "
                                + "IL-6 was not associated with obesity.")
                .concept("NCBIGene:3569", "GeneOrGeneProduct", "interleukin 6", "HGNC:6018")
                .concept("MESH:D008132", "Behavior", "Loneliness")
                .concept("MESH:D007333", "DiseaseOrPhenotypicFeature", "Insulin Resistance")
                .concept("MESH:D009765", "DiseaseOrPhenotypicFeature", "Obesity")
                .mention("Interleukin 6", "NCBIGene:3569")
                .mention("interleukin 6", "NCBIGene:3569")
                .mention("IL-6", "NCBIGene:3569")
                .mention("Loneliness", "MESH:D008132")
                .mention("insulin resistance", "MESH:D007333")
                .mention("obesity", "MESH:D009765", true)
                .relation("Positive_Correlation", "IL-6) in", "NCBIGene:3569", "promotes", "insulin resistance",
                        "MESH:D007333", false)
                .relation("Association", "IL-6 was", "NCBIGene:3569", "associated", "obesity", "MESH:D009765", true);
    }

    @Test
    void storesAnEventAndServesDocumentAndConcepts() {
        AnnotationEvent event = il6Document("pipeline-1", 1).build();
        Kafka.sendAnnotations(event);

        Eventually.assertThat(WAIT, () -> given().get("/api/documents/pipeline-1").then().statusCode(200));
        given().get("/api/documents/pipeline-1").then()
                .body("version", equalTo(1))
                .body("title", equalTo("Interleukin 6 links loneliness and insulin resistance"))
                .body("text", equalTo(event.document().title() + "\n" + event.document().passages().get(1).text()))
                .body("metadata.url", equalTo("https://example.org/pipeline-1"))
                .body("engine.vocabularyVersion", equalTo("test-vocab"))
                .body("mentions", hasSize(event.mentions().size()))
                .body("concepts.id", hasItem("NCBIGene:3569"))
                .body("concepts.find { it.id == 'NCBIGene:3569' }.mentions", equalTo(5))
                .body("relations", hasSize(2))
                .body("relations[0].trigger.text", equalTo("promotes"))
                .body("relations[1].negated", equalTo(true));

        given().queryParam("q", "interleukin").get("/api/concepts").then().statusCode(200)
                .body("items[0].id", equalTo("NCBIGene:3569"))
                .body("items[0].name", equalTo("interleukin 6"));
        // a synonym seen only as a surface form in the corpus
        given().queryParam("q", "il-6").get("/api/concepts").then()
                .body("items[0].id", equalTo("NCBIGene:3569"))
                .body("items[0].matched", equalTo("IL-6"));
        // a word inside the name, restricted by type (alias accepted)
        given().queryParam("q", "resist").queryParam("type", "Disease").get("/api/concepts").then()
                .body("items.id", hasItem("MESH:D007333"))
                .body("items.id", not(hasItem("NCBIGene:3569")));

        ConsumerRecord<String, byte[]> status = Kafka.await(Topics.STATUS, r -> "pipeline-1".equals(r.key()), WAIT);
        DocumentStatusEvent indexed = EventJson.read(status.value(), DocumentStatusEvent.class);
        assertEquals(DocumentStatusEvent.Stage.INDEXED, indexed.stage());
        assertEquals(1, indexed.documentVersion());
        assertEquals("query-service", indexed.service());
        assertEquals(java.util.List.of(DocumentStatusEvent.TYPE), Kafka.header(status, Topics.HEADER_EVENT_TYPE));
    }

    @Test
    void replayingAnEventKeepsOneCopyAndCorrectAggregates() throws Exception {
        AnnotationEvent event = il6Document("replay-1", 3).build();
        Kafka.sendAnnotations(event);
        Kafka.sendAnnotations(event);
        Kafka.sendAnnotations(event);
        Eventually.assertThat(WAIT, () -> assertEquals(3, outboxAndStatusCount("replay-1")));

        assertEquals(1, count("SELECT count(*) FROM document WHERE id = 'replay-1'"));
        assertEquals(event.mentions().size(), count("SELECT count(*) FROM mention WHERE document_id = 'replay-1'"));
        assertEquals(2, count("SELECT count(*) FROM relation WHERE document_id = 'replay-1'"));
        assertAggregatesMatchDetailRows();
    }

    @Test
    void aNewerVersionReplacesAllAnnotationsAndAnOlderOneIsIgnored() throws Exception {
        Kafka.sendAnnotations(TestEvents.document("version-1", 1, "Metformin and gut flora",
                        "Metformin changes the gut microbiome of zebrafish.")
                .concept("MESH:D008687", "ChemicalEntity", "Metformin")
                .concept("NCBITaxon:7955", "OrganismTaxon", "Danio rerio")
                .mention("Metformin", "MESH:D008687")
                .mention("zebrafish", "NCBITaxon:7955").build());
        Eventually.assertThat(WAIT, () -> given().queryParam("q", "danio").get("/api/concepts").then()
                .body("items.id", hasItem("NCBITaxon:7955")));

        Kafka.sendAnnotations(TestEvents.document("version-1", 2, "Metformin and gut flora",
                        "Metformin changes the gut microbiome of mice.")
                .concept("MESH:D008687", "ChemicalEntity", "Metformin")
                .concept("NCBITaxon:10090", "OrganismTaxon", "Mus musculus")
                .mention("Metformin", "MESH:D008687")
                .mention("mice", "NCBITaxon:10090").build());
        Eventually.assertThat(WAIT, () -> given().get("/api/documents/version-1").then().body("version", equalTo(2)));
        // a late, older version must not bring the zebrafish back
        Kafka.sendAnnotations(TestEvents.document("version-1", 1, "Metformin and gut flora",
                        "Metformin changes the gut microbiome of zebrafish.")
                .concept("MESH:D008687", "ChemicalEntity", "Metformin")
                .concept("NCBITaxon:7955", "OrganismTaxon", "Danio rerio")
                .mention("Metformin", "MESH:D008687")
                .mention("zebrafish", "NCBITaxon:7955").build());
        // a marker event after it: once the marker is stored, the stale event has been handled
        Kafka.sendAnnotations(il6Document("version-marker", 1).build());
        Eventually.assertThat(WAIT, () -> given().get("/api/documents/version-marker").then().statusCode(200));

        given().get("/api/documents/version-1").then()
                .body("version", equalTo(2))
                .body("concepts.id", hasItem("NCBITaxon:10090"))
                .body("concepts.id", not(hasItem("NCBITaxon:7955")))
                .body("text", equalTo("Metformin and gut flora\nMetformin changes the gut microbiome of mice."));
        given().queryParam("q", "danio").get("/api/concepts").then().body("items", hasSize(0));
        given().queryParam("q", "mus").get("/api/concepts").then().body("items[0].id", equalTo("NCBITaxon:10090"))
                .body("items[0].documentCount", equalTo(1));
        assertEquals(0, count("SELECT count(*) FROM concept_cooccurrence WHERE concept_id = 'NCBITaxon:7955'"));
        assertAggregatesMatchDetailRows();
    }

    @Test
    void reAnnotationWithTheSameDocumentVersionReplacesTheAnnotations() throws Exception {
        TestEvents v1 = TestEvents.document("reannotate-1", 4, "Metformin and gut flora",
                        "Metformin changes the gut microbiome of zebrafish.")
                .concept("MESH:D008687", "ChemicalEntity", "Metformin")
                .mention("Metformin", "MESH:D008687")
                .engine("1.0.0", "vocab-2026-01");
        Kafka.sendAnnotations(v1.build());
        Eventually.assertThat(WAIT, () -> given().get("/api/documents/reannotate-1").then()
                .body("engine.vocabularyVersion", equalTo("vocab-2026-01")));

        // same document version, newer vocabulary: it now also recognizes the zebrafish
        AnnotationEvent reannotated = TestEvents.document("reannotate-1", 4, "Metformin and gut flora",
                        "Metformin changes the gut microbiome of zebrafish.")
                .concept("MESH:D008687", "ChemicalEntity", "Metformin")
                .concept("NCBITaxon:7955", "OrganismTaxon", "Danio rerio")
                .mention("Metformin", "MESH:D008687")
                .mention("zebrafish", "NCBITaxon:7955")
                .engine("1.1.0", "vocab-2026-06").build();
        Kafka.sendAnnotations(reannotated);
        Eventually.assertThat(WAIT, () -> given().get("/api/documents/reannotate-1").then()
                .body("engine.version", equalTo("1.1.0"))
                .body("engine.vocabularyVersion", equalTo("vocab-2026-06")));
        // an exact redelivery of the re-annotation changes nothing
        Kafka.sendAnnotations(reannotated);
        Kafka.sendAnnotations(il6Document("reannotate-marker", 1).build());
        Eventually.assertThat(WAIT, () -> given().get("/api/documents/reannotate-marker").then().statusCode(200));

        given().get("/api/documents/reannotate-1").then()
                .body("version", equalTo(4))
                .body("mentions", hasSize(reannotated.mentions().size()))
                .body("concepts.id", hasItem("NCBITaxon:7955"));
        assertEquals(reannotated.mentions().size(), count("SELECT count(*) FROM mention WHERE document_id = 'reannotate-1'"));
        assertAggregatesMatchDetailRows();
        given().get("/api/stats").then()
                .body("documentsByEngine.find { it.vocabularyVersion == 'vocab-2026-06' }.documents", equalTo(1))
                .body("documentsByEngine.find { it.vocabularyVersion == 'vocab-2026-06' }.engineVersion", equalTo("1.1.0"))
                .body("documentsByEngine.find { it.vocabularyVersion == 'vocab-2026-01' }", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aPoisonEventIsDeadLetteredAndTheConsumerCarriesOn() {
        Kafka.send(Topics.ANNOTATIONS, "poison-1", "{not json".getBytes(StandardCharsets.UTF_8));
        AnnotationEvent outOfRange = TestEvents.document("poison-2", 1, "T", "Body").build();
        AnnotationEvent broken = new AnnotationEvent(outOfRange.schemaVersion(), outOfRange.eventId(), "poison-2", 1,
                outOfRange.occurredAt(), outOfRange.engine(), outOfRange.document(), outOfRange.sentences(),
                outOfRange.concepts(), java.util.List.of(new AnnotationEvent.MentionPayload(3, 99, "x", "ChemicalEntity",
                null, false, false)), java.util.List.of());
        Kafka.sendAnnotations(broken);
        Kafka.sendAnnotations(il6Document("after-poison", 1).build());

        ConsumerRecord<String, byte[]> dead = Kafka.await(Topics.DEAD_LETTER, r -> "poison-1".equals(r.key()), WAIT);
        DeadLetterEvent letter = EventJson.read(dead.value(), DeadLetterEvent.class);
        assertEquals("{not json", letter.value());
        assertEquals(Topics.ANNOTATIONS, letter.sourceTopic());
        assertTrue(letter.errorMessage() != null && !letter.errorMessage().isBlank(), letter.toString());

        ConsumerRecord<String, byte[]> invalid = Kafka.await(Topics.DEAD_LETTER, r -> "poison-2".equals(r.key()), WAIT);
        assertTrue(EventJson.read(invalid.value(), DeadLetterEvent.class).errorMessage().contains("outside the text"));
        ConsumerRecord<String, byte[]> failed = Kafka.await(Topics.STATUS, r -> "poison-2".equals(r.key()), WAIT);
        assertEquals(DocumentStatusEvent.Stage.FAILED, EventJson.read(failed.value(), DocumentStatusEvent.class).stage());

        Eventually.assertThat(WAIT, () -> given().get("/api/documents/after-poison").then().statusCode(200));
        given().get("/api/documents/poison-2").then().statusCode(404);
    }

    @Test
    void aBatchHasTheOutcomeOfStoringItsEventsOneByOne() throws Exception {
        AnnotationEvent aV1 = il6Document("batch-a", 1).build();
        AnnotationEvent aV2 = TestEvents.document("batch-a", 2, "Metformin and gut flora",
                        "Metformin changes the gut microbiome of rats.")
                .concept("MESH:D008687", "ChemicalEntity", "Metformin")
                .concept("NCBITaxon:10116", "OrganismTaxon", "Rattus norvegicus")
                .mention("Metformin", "MESH:D008687")
                .mention("rats", "NCBITaxon:10116").build();
        AnnotationEvent b = il6Document("batch-b", 1).build();
        // one poll: a's versions out of order, b twice; in a single transaction
        consumer.consumeAll(records(aV1, b, aV2, aV1, b));

        given().get("/api/documents/batch-a").then().statusCode(200).body("version", equalTo(2))
                .body("concepts.id", hasItem("NCBITaxon:10116"))
                .body("concepts.id", not(hasItem("NCBIGene:3569")));
        given().get("/api/documents/batch-b").then().statusCode(200).body("version", equalTo(1));
        assertEquals(aV2.mentions().size(), count("SELECT count(*) FROM mention WHERE document_id = 'batch-a'"));
        assertEquals(b.mentions().size(), count("SELECT count(*) FROM mention WHERE document_id = 'batch-b'"));
        // INDEXED for every event that storing one by one would have stored: a v1, a v2, b, b (not the late a v1)
        assertEquals(2, indexedEvents("batch-a"));
        assertEquals(2, indexedEvents("batch-b"));
        assertAggregatesMatchDetailRows();

        // the same events again, as a replay of the topic would bring them: nothing changes
        consumer.consumeAll(records(aV1, b, aV2, aV1, b));
        given().get("/api/documents/batch-a").then().body("version", equalTo(2));
        assertAggregatesMatchDetailRows();
    }

    @Test
    void aRecordTheDatabaseRefusesIsDeadLetteredAloneAndTheRestOfItsBatchIsStored() throws Exception {
        // valid as an event, but PostgreSQL refuses a NUL character in text: the batch's transaction
        // fails, the consumer falls back to one transaction per record
        AnnotationEvent refused = TestEvents.document("batch-refused", 1, "Zero", "A NUL \u0000 in metformin text.")
                .concept("MESH:D008687", "ChemicalEntity", "Metformin")
                .mention("metformin", "MESH:D008687").build();
        consumer.consumeAll(records(il6Document("batch-before", 1).build(), refused, il6Document("batch-after", 1).build()));

        given().get("/api/documents/batch-before").then().statusCode(200);
        given().get("/api/documents/batch-after").then().statusCode(200);
        given().get("/api/documents/batch-refused").then().statusCode(404);
        ConsumerRecord<String, byte[]> dead = Kafka.await(Topics.DEAD_LETTER, r -> "batch-refused".equals(r.key()), WAIT);
        assertEquals(Topics.ANNOTATIONS, EventJson.read(dead.value(), DeadLetterEvent.class).sourceTopic());
        ConsumerRecord<String, byte[]> failed = Kafka.await(Topics.STATUS, r -> "batch-refused".equals(r.key()), WAIT);
        assertEquals(DocumentStatusEvent.Stage.FAILED, EventJson.read(failed.value(), DocumentStatusEvent.class).stage());
        assertEquals(List.of(), Kafka.keysOn(Topics.DEAD_LETTER).stream()
                .filter(k -> "batch-before".equals(k) || "batch-after".equals(k)).toList());
        assertAggregatesMatchDetailRows();
    }

    private static List<ConsumerRecord<String, byte[]>> records(AnnotationEvent... events) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (AnnotationEvent event : events) {
            records.add(new ConsumerRecord<>(Topics.ANNOTATIONS, 0, 1_000_000 + records.size(), event.documentId(),
                    EventJson.write(event)));
        }
        return records;
    }

    /** INDEXED events of one document, counted on the topic once the relay has published them all. */
    private long indexedEvents(String documentId) {
        Eventually.assertThat(WAIT, () -> assertEquals(0,
                count("SELECT count(*) FROM outbox WHERE record_key = '" + documentId + "'")));
        return outboxAndStatusCount(documentId);
    }

    /** INDEXED events of one document, whether still in the outbox or already on the topic. */
    private long outboxAndStatusCount(String documentId) {
        try {
            long inOutbox = count("SELECT count(*) FROM outbox WHERE record_key = '" + documentId + "'");
            long published = 0;
            try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(java.util.Map.of(
                    "bootstrap.servers", org.eclipse.microprofile.config.ConfigProvider.getConfig()
                            .getValue("kafka.bootstrap.servers", String.class),
                    "group.id", "count-" + java.util.UUID.randomUUID(), "auto.offset.reset", "earliest",
                    "key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class,
                    "value.deserializer", org.apache.kafka.common.serialization.ByteArrayDeserializer.class))) {
                consumer.subscribe(java.util.List.of(Topics.STATUS));
                long quietSince = System.nanoTime();
                while (System.nanoTime() - quietSince < Duration.ofSeconds(2).toNanos()) {
                    var records = consumer.poll(Duration.ofMillis(200));
                    for (var r : records) {
                        quietSince = System.nanoTime();
                        if (documentId.equals(r.key())) {
                            published++;
                        }
                    }
                }
            }
            return inOutbox + published;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void assertAggregatesMatchDetailRows() {
        StoreInvariants.assertAggregatesMatchDetailRows(dataSource);
    }

    private long count(String sql) {
        return StoreInvariants.count(dataSource, sql);
    }
}
