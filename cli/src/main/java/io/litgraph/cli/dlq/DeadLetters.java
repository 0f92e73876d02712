package io.litgraph.cli.dlq;

import io.litgraph.cli.kafka.KafkaOptions;
import io.litgraph.events.DeadLetterEvent;
import io.litgraph.events.EventJson;
import io.litgraph.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the dead-letter topic from a starting point to its current end (a snapshot: records that arrive
 * while reading are left for next time). Partitions are assigned, not subscribed, so no rebalance and no
 * offset is committed as a side effect.
 */
final class DeadLetters {
    private DeadLetters() {
    }

    /** One dead-letter record: where it is on the DLQ, and what it says (null when unreadable). */
    record Entry(TopicPartition partition, long offset, String key, DeadLetterEvent event, String rawValue) {
    }

    static KafkaConsumer<String, byte[]> consumer(KafkaOptions kafka, String group) {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }

    static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer) {
        List<PartitionInfo> infos = consumer.partitionsFor(Topics.DEAD_LETTER, KafkaOptions.TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new io.litgraph.cli.UserException("topic " + Topics.DEAD_LETTER
                    + " does not exist (create it with: litgraph topics create)");
        }
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    /** The group's committed offsets (0 where it has none). */
    static Map<TopicPartition, Long> committed(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions), KafkaOptions.TIMEOUT);
        Map<TopicPartition, Long> result = new HashMap<>();
        for (TopicPartition p : partitions) {
            OffsetAndMetadata o = committed.get(p);
            result.put(p, o == null ? 0L : o.offset());
        }
        return result;
    }

    /** Records from {@code from} (per partition) up to the end offsets as they are now, at most {@code max}. */
    static List<Entry> read(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
                            Map<TopicPartition, Long> from, int max) {
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, KafkaOptions.TIMEOUT);
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, KafkaOptions.TIMEOUT);
        List<TopicPartition> remaining = new ArrayList<>();
        for (TopicPartition p : partitions) {
            long start = Math.max(from.getOrDefault(p, 0L), begin.get(p));
            if (start < end.get(p)) {
                consumer.seek(p, start);
                remaining.add(p);
            }
        }
        consumer.assign(remaining);
        List<Entry> entries = new ArrayList<>();
        long deadline = System.nanoTime() + KafkaOptions.TIMEOUT.toNanos();
        while (!remaining.isEmpty() && entries.size() < max && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                TopicPartition p = new TopicPartition(r.topic(), r.partition());
                if (r.offset() >= end.get(p) || entries.size() >= max) {
                    continue;
                }
                entries.add(entry(p, r));
            }
            remaining.removeIf(p -> consumer.position(p) >= end.get(p));
            consumer.assign(remaining);
        }
        entries.sort(java.util.Comparator.comparing((Entry e) -> e.partition().partition()).thenComparingLong(Entry::offset));
        return entries;
    }

    private static Entry entry(TopicPartition p, ConsumerRecord<String, byte[]> r) {
        String raw = r.value() == null ? null : new String(r.value(), java.nio.charset.StandardCharsets.UTF_8);
        DeadLetterEvent event;
        try {
            event = r.value() == null ? null : EventJson.read(r.value(), DeadLetterEvent.class);
        } catch (RuntimeException e) {
            event = null;
        }
        return new Entry(p, r.offset(), r.key(), event, raw);
    }
}
