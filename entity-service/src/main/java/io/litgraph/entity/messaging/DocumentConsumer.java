package io.litgraph.entity.messaging;

import io.litgraph.entity.config.EntityConfig;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Consumes {@code litgraph.documents.v1}. Each record is annotated on the lane of its document id (see
 * {@link KeyOrderedDispatcher}) and acknowledged only after its output is acknowledged by the broker; the
 * throttled commit strategy then commits offsets up to the oldest unacknowledged record per partition,
 * so a crash re-delivers (at-least-once) and never skips.
 */
@ApplicationScoped
public class DocumentConsumer {
    private static final Logger LOG = Logger.getLogger(DocumentConsumer.class);

    private final DocumentProcessor processor;
    private final EntityConfig config;
    private KeyOrderedDispatcher dispatcher;

    public DocumentConsumer(DocumentProcessor processor, EntityConfig config) {
        this.processor = processor;
        this.config = config;
    }

    @PostConstruct
    void start() {
        int lanes = config.pipeline().lanes() > 0 ? config.pipeline().lanes() : Runtime.getRuntime().availableProcessors();
        dispatcher = new KeyOrderedDispatcher(lanes, config.pipeline().maxInFlight(), "annotate");
        LOG.infof("annotating on %d lanes, at most %d records in flight", lanes, config.pipeline().maxInFlight());
    }

    @PreDestroy
    void stop() {
        dispatcher.close();
    }

    @Incoming("documents")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    @SuppressWarnings("unchecked")
    public CompletionStage<Void> onDocument(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<String, byte[]> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a Kafka record"));
        DocumentProcessor.Source source = new DocumentProcessor.Source(kafka.getTopic(), kafka.getPartition(), kafka.getOffset());
        return dispatcher.submit(kafka.getKey(), () -> {
            CompletionStage<Void> done;
            try {
                done = processor.process(kafka.getKey(), message.getPayload(), source);
            } catch (Throwable e) {
                done = CompletableFuture.failedFuture(e);
            }
            return done.handle((ok, failure) -> failure)
                    .thenCompose(failure -> {
                        if (failure == null) {
                            return message.ack();
                        }
                        // output could not be published (broker unavailable for longer than the producer's
                        // delivery timeout): fail the channel so that readiness goes DOWN and the record is
                        // re-delivered after a restart, rather than committing past it
                        LOG.errorf("could not publish the output of %s-%d@%d: %s", source.topic(), source.partition(),
                                source.offset(), failure);
                        return message.nack(failure);
                    });
        });
    }
}
