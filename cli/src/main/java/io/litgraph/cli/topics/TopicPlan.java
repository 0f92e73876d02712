package io.litgraph.cli.topics;

import io.litgraph.events.Topics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The topics litgraph needs, as docs/EVENTS.md lists them and deploy/k8s/base/kafka/topics.yaml declares
 * them for Kubernetes. Documents and annotations are the work topics, partitioned for parallel
 * consumers; status needs less; the dead-letter topic has one partition (a handful of records, read by
 * people) and is kept longer so that there is time to look at it. Topics that carry a whole document
 * accept records up to 16 MiB (ingest-service accepts 10 MiB of text).
 *
 * @param maxMessageBytes null: the broker's default
 */
public record TopicPlan(String name, int partitions, Duration retention, Integer maxMessageBytes) {
    public static final int DEFAULT_WORK_PARTITIONS = 6;
    public static final int LARGE_RECORD_BYTES = 16 * 1024 * 1024;
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

    /** @param workPartitions partitions of the documents and annotations topics; status gets half */
    public static List<TopicPlan> litgraph(int workPartitions) {
        return List.of(
                new TopicPlan(Topics.DOCUMENTS, workPartitions, WEEK, LARGE_RECORD_BYTES),
                new TopicPlan(Topics.ANNOTATIONS, workPartitions, WEEK, LARGE_RECORD_BYTES),
                new TopicPlan(Topics.STATUS, Math.max(1, workPartitions / 2), WEEK, null),
                new TopicPlan(Topics.DEAD_LETTER, 1, DEAD_LETTER_RETENTION, LARGE_RECORD_BYTES));
    }

    /** Topic configs; with replicas, a write must reach two of them before it counts (acks=all). */
    public Map<String, String> configs(short replicas) {
        Map<String, String> configs = new HashMap<>();
        configs.put("retention.ms", Long.toString(retention.toMillis()));
        configs.put("cleanup.policy", "delete");
        if (maxMessageBytes != null) {
            configs.put("max.message.bytes", Integer.toString(maxMessageBytes));
        }
        if (replicas >= 3) {
            configs.put("min.insync.replicas", "2");
        }
        return configs;
    }
}
