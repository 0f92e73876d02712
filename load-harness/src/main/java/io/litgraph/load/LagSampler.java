package io.litgraph.load;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Consumer lag of the pipeline's consumer groups: end offset minus committed offset, summed over the
 * group's topic partitions, read with the AdminClient (listConsumerGroupOffsets vs. latest offsets).
 */
public final class LagSampler implements AutoCloseable {
    /** A consumer group and the topic whose lag matters for the pipeline. */
    public record Group(String id, String topic) {
    }

    public static final class Lag {
        long max;
        long last = -1;
        String error;
    }

    private final Admin admin;
    private final Map<Group, Lag> lags = new LinkedHashMap<>();

    public LagSampler(String bootstrap, Group... groups) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 8000);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "litgraph-load-harness");
        this.admin = Admin.create(p);
        for (Group g : groups) {
            lags.put(g, new Lag());
        }
    }

    public synchronized void sample() {
        for (var entry : lags.entrySet()) {
            Lag lag = entry.getValue();
            try {
                long current = lagOf(entry.getKey());
                lag.last = current;
                lag.max = Math.max(lag.max, current);
                lag.error = null;
            } catch (Exception e) {
                lag.error = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
    }

    long lagOf(Group group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.id())
                .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
        int partitions = admin.describeTopics(java.util.List.of(group.topic())).allTopicNames().get(5, TimeUnit.SECONDS)
                .get(group.topic()).partitions().size();
        Map<TopicPartition, OffsetSpec> ask = new HashMap<>();
        for (int i = 0; i < partitions; i++) {
            ask.put(new TopicPartition(group.topic(), i), OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(ask).all().get(5, TimeUnit.SECONDS);
        long total = 0;
        for (var end : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(end.getKey());
            total += Math.max(0, end.getValue().offset() - (c == null ? 0 : c.offset()));
        }
        return total;
    }

    public synchronized Map<Group, Lag> lags() {
        return lags;
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(3));
    }
}
