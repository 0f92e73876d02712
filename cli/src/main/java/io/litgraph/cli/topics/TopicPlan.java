package io.litgraph.cli.topics;

import io.litgraph.events.Topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The topics litgraph needs, as docs/EVENTS.md lists them. Documents and annotations are the work
 * topics, partitioned for parallel consumers; status needs less; the dead-letter topic has one partition
 * (a handful of records, read by people) and is kept longer so that there is time to look at it.
 */
public record TopicPlan(String name, int partitions, Duration retention) {
    public static final int DEFAULT_WORK_PARTITIONS = 6;
    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);

    /** @param workPartitions partitions of the documents and annotations topics; status gets half */
    public static List<TopicPlan> litgraph(int workPartitions) {
        return List.of(
                new TopicPlan(Topics.DOCUMENTS, workPartitions, WEEK),
                new TopicPlan(Topics.ANNOTATIONS, workPartitions, WEEK),
                new TopicPlan(Topics.STATUS, Math.max(1, workPartitions / 2), WEEK),
                new TopicPlan(Topics.DEAD_LETTER, 1, DEAD_LETTER_RETENTION));
    }

    public Map<String, String> configs() {
        return Map.of("retention.ms", Long.toString(retention.toMillis()), "cleanup.policy", "delete");
    }
}
