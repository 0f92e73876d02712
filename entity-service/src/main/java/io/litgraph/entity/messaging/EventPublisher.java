package io.litgraph.entity.messaging;

import io.litgraph.events.EventJson;
import io.litgraph.events.Topics;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Publishes litgraph events (JSON via {@link EventJson}, keyed by document id, with the schema-version
 * and event-type headers). Each send returns a stage that completes when the broker has acknowledged the
 * record, so the consumer can commit its input offset only after its output is safe.
 */
@ApplicationScoped
public class EventPublisher {
    public static final String ANNOTATIONS = "annotations";
    public static final String STATUS = "document-status";
    public static final String DEAD_LETTER = "dead-letter";

    @Inject
    @Channel(ANNOTATIONS)
    Emitter<byte[]> annotations;

    @Inject
    @Channel(STATUS)
    Emitter<byte[]> status;

    @Inject
    @Channel(DEAD_LETTER)
    Emitter<byte[]> deadLetter;

    public CompletionStage<Void> publish(String channel, String key, String eventType, int schemaVersion, Object event) {
        Emitter<byte[]> emitter = switch (channel) {
            case ANNOTATIONS -> annotations;
            case STATUS -> status;
            case DEAD_LETTER -> deadLetter;
            default -> throw new IllegalArgumentException("unknown channel " + channel);
        };
        RecordHeaders headers = new RecordHeaders();
        headers.add(Topics.HEADER_SCHEMA_VERSION, Integer.toString(schemaVersion).getBytes(StandardCharsets.UTF_8));
        headers.add(Topics.HEADER_EVENT_TYPE, eventType.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(key).withHeaders(headers).build();
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Message<byte[]> message = Message.of(EventJson.write(event), Metadata.of(metadata),
                () -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        return acked;
    }
}
