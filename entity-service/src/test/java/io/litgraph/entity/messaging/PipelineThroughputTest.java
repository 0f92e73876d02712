package io.litgraph.entity.messaging;

import io.litgraph.events.DocumentEvent;
import io.litgraph.events.DocumentPayload;
import io.litgraph.events.EventJson;
import io.litgraph.events.PassagePayload;
import io.litgraph.events.Topics;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Documents per second through the whole pipeline (consume, annotate, publish, commit). A measurement,
 * not a check: run with {@code -Dentity.bench=true [-Dlitgraph.pipeline.lanes=N] [-Dentity.bench.documents=N] -Dtest=PipelineThroughputTest}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "entity.bench", matches = "true")
@QuarkusTestResource(value = KafkaBrokerResource.class, initArgs = {@ResourceArg(name = "topics",
        value = Topics.DOCUMENTS + "," + Topics.ANNOTATIONS + "," + Topics.STATUS + "," + Topics.DEAD_LETTER),
        @ResourceArg(name = "partitions", value = "6")})
class PipelineThroughputTest {
    private static final int DOCUMENTS = Integer.getInteger("entity.bench.documents", 1000);

    @Test
    void throughput() throws Exception {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<String> seeds = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of("../seeds"), "*.txt")) {
            for (Path f : files) {
                seeds.add(Files.readString(f));
            }
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            for (int i = 0; i < DOCUMENTS; i++) {
                String id = run + "-" + i;
                String text = seeds.get(i % seeds.size());
                DocumentPayload payload = new DocumentPayload(null, List.of(new PassagePayload("abstract", 0, text)),
                        "bench", null, null, null, null, null);
                producer.send(new ProducerRecord<>(Topics.DOCUMENTS, id, EventJson.write(
                        new DocumentEvent(1, UUID.randomUUID().toString(), id, 1, Instant.now(), "h", payload))));
            }
            producer.flush();
        }
        Instant started = Instant.now();
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + run,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            consumer.subscribe(List.of(Topics.STATUS));
            Instant deadline = started.plusSeconds(300);
            while (seen.size() < DOCUMENTS && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key().startsWith(run)) {
                        seen.add(r.key());
                    }
                });
            }
        }
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        System.out.printf("PIPELINE THROUGHPUT: %d documents (≈4 kB each) in %.1f s = %.0f docs/s, lanes=%s, cores=%d%n",
                seen.size(), seconds, seen.size() / seconds,
                ConfigProvider.getConfig().getOptionalValue("litgraph.pipeline.lanes", String.class).orElse("0 (cores)"),
                Runtime.getRuntime().availableProcessors());
        assertEquals(DOCUMENTS, seen.size());
    }
}
