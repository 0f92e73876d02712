package io.litgraph.cli.dlq;

import io.litgraph.cli.CliRun;
import io.litgraph.cli.ExitCodes;
import io.litgraph.cli.KafkaBroker;
import io.litgraph.events.DeadLetterEvent;
import io.litgraph.events.DocumentEvent;
import io.litgraph.events.EventJson;
import io.litgraph.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DlqCommandTest {
    @RegisterExtension
    static KafkaBroker broker = new KafkaBroker();

    @BeforeAll
    static void topics() {
        assertEquals(ExitCodes.OK, CliRun.of("topics", "create", "--bootstrap", broker.bootstrap()).exitCode());
    }

    @Test
    void listsReplaysOnceAndMarksReplayed() throws Exception {
        String value = "{\"schemaVersion\":1,\"documentId\":\"doc-1\",\"version\":1}";
        deadLetter("doc-1", value, 4);
        deadLetter("doc-2", "{not json", 5);

        CliRun list = CliRun.of("dlq", "list", "--bootstrap", broker.bootstrap());
        assertEquals(ExitCodes.OK, list.exitCode(), list.err());
        assertTrue(list.out().contains("doc-1") && list.out().contains("doc-2"), list.out());
        assertTrue(list.out().contains(Topics.DOCUMENTS + "-0@4"), list.out());
        assertTrue(list.out().contains("JsonParseException"), list.out());
        assertTrue(list.out().contains("2 listed, 2 pending replay"), list.out());

        CliRun dry = CliRun.of("dlq", "replay", "--bootstrap", broker.bootstrap(), "--dry-run");
        assertEquals(ExitCodes.OK, dry.exitCode(), dry.err());
        assertTrue(dry.out().contains("would replay"), dry.out());

        CliRun replay = CliRun.of("dlq", "replay", "--bootstrap", broker.bootstrap());
        assertEquals(ExitCodes.OK, replay.exitCode(), replay.err());
        assertTrue(replay.out().contains("2 replayed, 0 skipped, 0 failed"), replay.out());

        List<ConsumerRecord<String, String>> republished = readAll(Topics.DOCUMENTS, 2);
        ConsumerRecord<String, String> doc1 = republished.stream().filter(r -> "doc-1".equals(r.key())).findFirst().orElseThrow();
        assertEquals(value, doc1.value(), "the original value, byte for byte");
        assertEquals(DocumentEvent.TYPE, new String(doc1.headers().lastHeader(Topics.HEADER_EVENT_TYPE).value(), StandardCharsets.UTF_8));
        assertTrue(new String(doc1.headers().lastHeader(DlqReplayCommand.HEADER_REPLAYED_FROM).value(), StandardCharsets.UTF_8)
                .startsWith(Topics.DEAD_LETTER));

        CliRun second = CliRun.of("dlq", "replay", "--bootstrap", broker.bootstrap());
        assertEquals(ExitCodes.OK, second.exitCode(), second.err());
        assertTrue(second.out().contains("nothing to replay"), "replayed records are not replayed twice: " + second.out());
        assertEquals(2, readAll(Topics.DOCUMENTS, 2).size());

        CliRun after = CliRun.of("dlq", "list", "--bootstrap", broker.bootstrap());
        assertTrue(after.out().contains("2 listed, 0 pending replay"), after.out());
        assertTrue(CliRun.of("dlq", "list", "--bootstrap", broker.bootstrap(), "--pending").out().contains("no pending"));
    }

    private static void deadLetter(String key, String value, long sourceOffset) throws Exception {
        DeadLetterEvent event = new DeadLetterEvent(1, UUID.randomUUID().toString(), Instant.now(), "entity-service",
                Topics.DOCUMENTS, 0, sourceOffset, key, value,
                value.startsWith("{not") ? "com.fasterxml.jackson.core.JsonParseException" : "java.lang.IllegalStateException",
                "broken");
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                // as the services write them: the CLI must be able to read lz4 batches
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(Topics.DEAD_LETTER, key, EventJson.write(event))).get();
        }
    }

    /** Everything on a topic, waiting up to 10 s for at least {@code expected} records. */
    private static List<ConsumerRecord<String, String>> readAll(String topic, int expected) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(records::add);
                if (records.size() >= expected && System.currentTimeMillis() > deadline - 8_000) {
                    break;
                }
            }
        }
        return records;
    }
}
