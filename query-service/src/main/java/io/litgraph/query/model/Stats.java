package io.litgraph.query.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Corpus counts and how far the consumer is behind. Concept and mention counts by type cover
 * normalized mentions (those with a concept id); relation counts are evidence sentences. {@code failures}
 * is how many recent pipeline failures {@code GET /api/failures} lists.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Stats(long documents, long concepts, long mentions, long relations, Map<String, Long> conceptsByType,
                   Map<String, Long> mentionsByType, Map<String, Long> relationsByType, Instant newestEventTime,
                   Instant lastIndexedAt, long outboxPending, long failures, List<EngineVersion> documentsByEngine,
                   ConsumerLag consumer) {

    /** Documents whose stored annotations came from this engine and vocabulary version (re-annotation progress). */
    public record EngineVersion(String engine, String engineVersion, String vocabularyVersion, long documents) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsumerLag(String group, String topic, Long lag, List<PartitionLag> partitions, String error) {
    }

    public record PartitionLag(int partition, long committed, long end, long lag) {
    }
}
