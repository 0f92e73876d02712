package io.litgraph.query.messaging;

import io.litgraph.events.Topics;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes litgraph events synchronously (the caller learns whether the broker has them), which the
 * outbox relay and the dead-letter path both need. Built from the shared {@code kafka.*} configuration.
 */
@ApplicationScoped
public class EventProducer {

    public record Outgoing(String topic, String key, String eventType, int schemaVersion, byte[] payload) {
    }

    private final Map<String, Object> kafkaConfig;
    private volatile Producer<String, byte[]> producer;

    @Inject
    public EventProducer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
    }

    /** Sends all records and waits until the broker acknowledged every one of them. */
    public void sendAll(List<Outgoing> records) throws ExecutionException, InterruptedException, TimeoutException {
        Producer<String, byte[]> p = producer();
        List<Future<RecordMetadata>> acks = records.stream().map(r -> p.send(toRecord(r))).toList();
        p.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(30, TimeUnit.SECONDS);
        }
    }

    private static ProducerRecord<String, byte[]> toRecord(Outgoing r) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(r.topic(), r.key(), r.payload());
        record.headers().add(Topics.HEADER_SCHEMA_VERSION, Integer.toString(r.schemaVersion()).getBytes(StandardCharsets.UTF_8));
        record.headers().add(Topics.HEADER_EVENT_TYPE, r.eventType().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private Producer<String, byte[]> producer() {
        Producer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    Map<String, Object> config = new HashMap<>();
                    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.getOrDefault("bootstrap.servers", "localhost:9092"));
                    config.put(ProducerConfig.CLIENT_ID_CONFIG, "query-service-events");
                    config.put(ProducerConfig.ACKS_CONFIG, "all");
                    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
                    // a dead letter carries a whole annotation event (topics allow 16 MiB); compressed,
                    // its JSON-escaped copy still fits
                    config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 20 * 1024 * 1024);
                    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
                    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
                    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
                    producer = new KafkaProducer<>(config);
                }
                p = producer;
            }
        }
        return p;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
