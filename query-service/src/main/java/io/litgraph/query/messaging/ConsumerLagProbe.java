package io.litgraph.query.messaging;

import io.litgraph.events.Topics;
import io.litgraph.query.model.Stats.ConsumerLag;
import io.litgraph.query.model.Stats.PartitionLag;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Consumer lag of the annotations consumer group: end offsets minus committed offsets, per partition. */
@ApplicationScoped
public class ConsumerLagProbe {

    private final Map<String, Object> kafkaConfig;
    private final String group;
    private volatile Admin admin;

    @Inject
    public ConsumerLagProbe(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                            @ConfigProperty(name = "mp.messaging.incoming.annotations.group.id", defaultValue = "query-service") String group) {
        this.kafkaConfig = kafkaConfig;
        this.group = group;
    }

    public ConsumerLag lag() {
        try {
            Admin a = admin();
            Map<TopicPartition, OffsetAndMetadata> committed = a.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(3, TimeUnit.SECONDS);
            List<TopicPartition> partitions = a.describeTopics(List.of(Topics.ANNOTATIONS)).allTopicNames()
                    .get(3, TimeUnit.SECONDS).get(Topics.ANNOTATIONS).partitions().stream()
                    .map(p -> new TopicPartition(Topics.ANNOTATIONS, p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = a.listOffsets(latest).all().get(3, TimeUnit.SECONDS);
            List<PartitionLag> out = new ArrayList<>();
            long total = 0;
            for (TopicPartition p : partitions) {
                long end = ends.get(p).offset();
                OffsetAndMetadata c = committed.get(p);
                long done = c == null ? 0 : c.offset();
                out.add(new PartitionLag(p.partition(), done, end, Math.max(0, end - done)));
                total += Math.max(0, end - done);
            }
            return new ConsumerLag(group, Topics.ANNOTATIONS, total, out, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ConsumerLag(group, Topics.ANNOTATIONS, null, null, "interrupted");
        } catch (Exception e) {
            return new ConsumerLag(group, Topics.ANNOTATIONS, null, null, "lag unavailable: " + DeadLetters.message(e));
        }
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> config = new HashMap<>();
                    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.getOrDefault("bootstrap.servers", "localhost:9092"));
                    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "query-service-lag");
                    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
                    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
                    admin = Admin.create(config);
                }
            }
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
