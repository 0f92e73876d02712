package io.litgraph.entity.messaging;

import io.litgraph.events.AnnotationEvent;
import io.litgraph.events.AnnotationEvent.MentionPayload;
import io.litgraph.events.DeadLetterEvent;
import io.litgraph.events.DocumentEvent;
import io.litgraph.events.DocumentPayload;
import io.litgraph.events.DocumentStatusEvent;
import io.litgraph.events.EventJson;
import io.litgraph.events.PassagePayload;
import io.litgraph.events.Topics;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.litgraph.entity.EventSchemas.assertValid;
import static io.litgraph.entity.KafkaTestClient.awaitRecord;
import static io.litgraph.entity.KafkaTestClient.header;
import static io.litgraph.entity.KafkaTestClient.send;
import static io.litgraph.entity.KafkaTestClient.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, initArgs = @ResourceArg(name = "topics",
        value = Topics.DOCUMENTS + "," + Topics.ANNOTATIONS + "," + Topics.STATUS + "," + Topics.DEAD_LETTER))
class DocumentPipelineTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void annotatesASeedDocumentWithDocumentGlobalOffsets() throws Exception {
        String id = "seed-" + UUID.randomUUID();
        DocumentEvent event = seedEvent(id, 3);
        RecordMetadata produced = send(Topics.DOCUMENTS, id, EventJson.write(event), DocumentEvent.TYPE);

        ConsumerRecord<String, byte[]> record = awaitRecord(Topics.ANNOTATIONS, r -> id.equals(r.key()), TIMEOUT);
        assertEquals(AnnotationEvent.TYPE, header(record, Topics.HEADER_EVENT_TYPE));
        assertEquals("1", header(record, Topics.HEADER_SCHEMA_VERSION));
        assertValid("annotation-event.v1.json", record.value());
        AnnotationEvent annotated = value(record, AnnotationEvent.class);
        assertEquals(id, annotated.documentId());
        assertEquals(3, annotated.documentVersion());
        assertEquals("litgraph-nlp", annotated.engine().name());
        assertNotNull(annotated.engine().version());
        assertNotNull(annotated.engine().vocabularyVersion());
        assertEquals(event.document(), annotated.document(), "the document is carried through unchanged");

        assertFalse(annotated.mentions().isEmpty(), "the seed mentions cytokines, insulin, diabetes…");
        for (MentionPayload m : annotated.mentions()) {
            assertEquals(m.text(), textAt(event.document(), m.start(), m.end()),
                    "mention offsets must point into the passages: " + m);
        }
        assertTrue(annotated.mentions().stream().anyMatch(m -> "IL-6".equals(m.text()) && "NCBIGene:3569".equals(m.conceptId())),
                "IL-6 is normalized to NCBIGene:3569: " + annotated.mentions());

        ConsumerRecord<String, byte[]> statusRecord = awaitRecord(Topics.STATUS, r -> id.equals(r.key()), TIMEOUT);
        assertValid("document-status-event.v1.json", statusRecord.value());
        DocumentStatusEvent status = value(statusRecord, DocumentStatusEvent.class);
        assertEquals(DocumentStatusEvent.Stage.ANNOTATED, status.stage());
        assertEquals(3, status.documentVersion());
        assertEquals(annotated.mentions().size() + " mentions, " + annotated.relations().size() + " relations", status.detail());

        assertCommittedPast(produced);
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheConsumerCarriesOn() throws Exception {
        // all on one partition: the good record comes after the poison ones in the same log
        String poisonKey = "poison-" + UUID.randomUUID();
        RecordMetadata poison = send(Topics.DOCUMENTS, 0, poisonKey, "{not json".getBytes(StandardCharsets.UTF_8), DocumentEvent.TYPE);
        String invalidId = "invalid-" + UUID.randomUUID();
        DocumentEvent invalid = new DocumentEvent(1, UUID.randomUUID().toString(), invalidId, 2, Instant.now(), "x", null);
        send(Topics.DOCUMENTS, 0, invalidId, EventJson.write(invalid), DocumentEvent.TYPE);
        String goodId = "good-" + UUID.randomUUID();
        send(Topics.DOCUMENTS, 0, goodId, EventJson.write(seedEvent(goodId, 1)), DocumentEvent.TYPE);

        ConsumerRecord<String, byte[]> dlqRecord = awaitRecord(Topics.DEAD_LETTER, r -> poisonKey.equals(r.key()), TIMEOUT);
        assertEquals(DeadLetterEvent.TYPE, header(dlqRecord, Topics.HEADER_EVENT_TYPE));
        assertValid("dead-letter-event.v1.json", dlqRecord.value());
        DeadLetterEvent dead = value(dlqRecord, DeadLetterEvent.class);
        assertEquals("{not json", dead.value());
        assertEquals(poisonKey, dead.key());
        assertEquals(Topics.DOCUMENTS, dead.sourceTopic());
        assertEquals(poison.partition(), dead.sourcePartition());
        assertEquals(poison.offset(), dead.sourceOffset());
        assertEquals("entity-service", dead.service());
        assertTrue(dead.errorClass().contains("Json"), dead.errorClass());
        assertNotNull(dead.errorMessage());


        DeadLetterEvent invalidDead = value(awaitRecord(Topics.DEAD_LETTER, r -> invalidId.equals(r.key()), TIMEOUT),
                DeadLetterEvent.class);
        assertTrue(invalidDead.errorMessage().contains("no passages"), invalidDead.errorMessage());
        ConsumerRecord<String, byte[]> invalidStatusRecord = awaitRecord(Topics.STATUS, r -> invalidId.equals(r.key()), TIMEOUT);
        assertValid("document-status-event.v1.json", invalidStatusRecord.value());
        DocumentStatusEvent invalidStatus = value(invalidStatusRecord, DocumentStatusEvent.class);
        assertEquals(DocumentStatusEvent.Stage.FAILED, invalidStatus.stage());
        assertEquals(2, invalidStatus.documentVersion());

        AnnotationEvent good = value(awaitRecord(Topics.ANNOTATIONS, r -> goodId.equals(r.key()), TIMEOUT), AnnotationEvent.class);
        assertEquals(goodId, good.documentId());
    }

    /** The throttled commit strategy commits asynchronously; wait until the group is past our record. */
    private static void assertCommittedPast(RecordMetadata produced) throws Exception {
        TopicPartition partition = new TopicPartition(produced.topic(), produced.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, io.litgraph.entity.KafkaTestClient.bootstrap()))) {
            Instant deadline = Instant.now().plus(TIMEOUT);
            long committed = -1;
            while (Instant.now().isBefore(deadline)) {
                OffsetAndMetadata offset = admin.listConsumerGroupOffsets("entity-service")
                        .partitionsToOffsetAndMetadata().get().get(partition);
                committed = offset == null ? -1 : offset.offset();
                if (committed > produced.offset()) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new AssertionError("entity-service committed " + committed + " on " + partition
                    + ", expected past " + produced.offset());
        }
    }

    /** A seed as ingest-service would send it: first line the title at 0, the rest after one separator. */
    static DocumentEvent seedEvent(String id, int version) throws Exception {
        Path seed;
        try (DirectoryStream<Path> seeds = Files.newDirectoryStream(Path.of("../seeds"), "000_*.txt")) {
            seed = seeds.iterator().next();
        }
        String content = Files.readString(seed).strip();
        int newline = content.indexOf('\n');
        String title = content.substring(0, newline);
        String body = content.substring(newline + 1);
        List<PassagePayload> passages = new ArrayList<>();
        passages.add(new PassagePayload("title", 0, title));
        passages.add(new PassagePayload("abstract", title.length() + 1, body));
        DocumentPayload payload = new DocumentPayload(title, passages, "seed", null, null, null, List.of("seed"), null);
        return new DocumentEvent(1, UUID.randomUUID().toString(), id, version, Instant.now(), "hash-" + id, payload);
    }

    private static String textAt(DocumentPayload document, int start, int end) {
        for (PassagePayload p : document.passages()) {
            if (start >= p.offset() && end <= p.offset() + p.text().length()) {
                return p.text().substring(start - p.offset(), end - p.offset());
            }
        }
        return null;
    }
}
