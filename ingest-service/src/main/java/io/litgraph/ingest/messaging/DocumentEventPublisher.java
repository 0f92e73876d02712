package io.litgraph.ingest.messaging;

import io.litgraph.ingest.repository.OutboxStore;
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
import java.util.Map;
import java.util.concurrent.Future;

import static io.litgraph.events.Topics.HEADER_EVENT_TYPE;
import static io.litgraph.events.Topics.HEADER_SCHEMA_VERSION;

/**
 * The Kafka producer behind the outbox relay. A plain kafka-clients producer rather than a Reactive
 * Messaging emitter: the relay needs "send this batch, wait for the broker's ack, then commit", with its
 * own timeouts, and no in-memory buffering that could outlive a transaction.
 */
@ApplicationScoped
public class DocumentEventPublisher {
    private final Map<String, Object> kafkaConfig;
    private volatile Producer<String, byte[]> producer;

    @Inject
    public DocumentEventPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
    }

    public Future<RecordMetadata> send(OutboxStore.Pending message) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(message.topic(), message.key(), message.payload());
        record.headers().add(HEADER_SCHEMA_VERSION, Integer.toString(message.schemaVersion()).getBytes(StandardCharsets.UTF_8));
        record.headers().add(HEADER_EVENT_TYPE, message.eventType().getBytes(StandardCharsets.UTF_8));
        return producer().send(record);
    }

    /** Drops the producer after a failure so the next attempt starts with fresh connections and metadata. */
    public synchronized void reset() {
        if (producer != null) {
            producer.close(java.time.Duration.ZERO);
            producer = null;
        }
    }

    private Producer<String, byte[]> producer() {
        Producer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        // only client-level settings of the shared kafka.* configuration (bootstrap servers, security…)
        kafkaConfig.forEach((key, value) -> {
            if (key.startsWith("bootstrap.") || key.startsWith("security.") || key.startsWith("ssl.")
                    || key.startsWith("sasl.") || key.equals("client.dns.lookup")) {
                config.put(key, value);
            }
        });
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-outbox-relay");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // fail fast while the broker is down: the relay keeps the rows and retries with back-off
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        config.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 20 * 1024 * 1024);
        return config;
    }

    @PreDestroy
    void close() {
        reset();
    }
}
