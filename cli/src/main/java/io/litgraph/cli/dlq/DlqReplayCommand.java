package io.litgraph.cli.dlq;

import io.litgraph.cli.ExitCodes;
import io.litgraph.cli.kafka.KafkaOptions;
import io.litgraph.events.AnnotationEvent;
import io.litgraph.events.DeadLetterEvent;
import io.litgraph.events.DocumentEvent;
import io.litgraph.events.DocumentStatusEvent;
import io.litgraph.events.Topics;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Callable;

/**
 * Re-publishes each pending dead letter's original value to its source topic, then moves the replay
 * group's offset past it so that a second run does not publish it again. Offsets move only past records
 * whose re-publication the broker acknowledged.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Re-publish pending dead letters to their source topics (original key and value),",
                "then mark them replayed (consumer group --group). Fix the cause first: a record that fails again"
                        + " comes back to the dead-letter topic."})
public class DlqReplayCommand implements Callable<Integer> {
    public static final String HEADER_REPLAYED_FROM = "litgraph-replayed-from";

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--group", paramLabel = "GROUP", defaultValue = DlqCommand.REPLAY_GROUP,
            description = "consumer group that marks what was replayed (default ${DEFAULT-VALUE})")
    String group;

    @Option(names = "--max", paramLabel = "N", defaultValue = "10000", description = "replay at most N (default ${DEFAULT-VALUE})")
    int max;

    @Option(names = "--dry-run", description = "show what would be replayed; publish and mark nothing")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (KafkaConsumer<String, byte[]> consumer = DeadLetters.consumer(kafka, group)) {
            List<TopicPartition> partitions = DeadLetters.partitions(consumer);
            List<DeadLetters.Entry> entries = DeadLetters.read(consumer, partitions,
                    DeadLetters.committed(consumer, partitions), max);
            if (entries.isEmpty()) {
                out.println("nothing to replay");
                return ExitCodes.OK;
            }
            if (dryRun) {
                entries.forEach(e -> out.printf("would replay %d@%d key %s to %s%n", e.partition().partition(),
                        e.offset(), e.key(), e.event() == null ? "?" : e.event().sourceTopic()));
                return ExitCodes.OK;
            }
            return replay(consumer, entries, out);
        } catch (KafkaException e) {
            throw kafka.unreachable(e);
        }
    }

    private int replay(KafkaConsumer<String, byte[]> consumer, List<DeadLetters.Entry> entries, PrintWriter out)
            throws InterruptedException {
        Map<String, Object> config = kafka.clientConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) KafkaOptions.TIMEOUT.toMillis() * 2);
        // a dead letter may hold a whole document (topics accept 16 MiB)
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, io.litgraph.cli.topics.TopicPlan.LARGE_RECORD_BYTES);
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        List<DeadLetters.Entry> sent = new ArrayList<>();
        int skipped = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (DeadLetters.Entry e : entries) {
                DeadLetterEvent d = e.event();
                if (d == null || d.sourceTopic() == null || d.value() == null) {
                    out.printf("skipped  %d@%d: not a readable dead letter with a source topic and value%n",
                            e.partition().partition(), e.offset());
                    skipped++;
                    sent.add(e);
                    sends.add(null);
                    continue;
                }
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(d.sourceTopic(), d.key(),
                        d.value().getBytes(StandardCharsets.UTF_8));
                record.headers().add(Topics.HEADER_SCHEMA_VERSION, "1".getBytes(StandardCharsets.UTF_8));
                String type = eventType(d.sourceTopic());
                if (type != null) {
                    record.headers().add(Topics.HEADER_EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
                }
                record.headers().add(HEADER_REPLAYED_FROM, (Topics.DEAD_LETTER + "-" + e.partition().partition() + "@"
                        + e.offset()).getBytes(StandardCharsets.UTF_8));
                sends.add(producer.send(record));
                sent.add(e);
            }
            producer.flush();
        }
        // commit per partition up to the first failure: nothing is marked replayed that was not published
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        Map<TopicPartition, Boolean> blocked = new HashMap<>();
        int replayed = 0;
        int failed = 0;
        for (int i = 0; i < sent.size(); i++) {
            DeadLetters.Entry e = sent.get(i);
            Future<RecordMetadata> send = sends.get(i);
            String error = null;
            RecordMetadata metadata = null;
            if (send != null) {
                try {
                    metadata = send.get();
                } catch (ExecutionException ex) {
                    error = ex.getCause().toString();
                }
            }
            if (error != null) {
                failed++;
                blocked.put(e.partition(), true);
                out.printf("failed   %d@%d key %s: %s%n", e.partition().partition(), e.offset(), e.key(), error);
                continue;
            }
            if (metadata != null) {
                replayed++;
                out.printf("replayed %d@%d key %s -> %s-%d@%d%n", e.partition().partition(), e.offset(), e.key(),
                        metadata.topic(), metadata.partition(), metadata.offset());
            }
            if (!blocked.getOrDefault(e.partition(), false)) {
                commit.put(e.partition(), new OffsetAndMetadata(e.offset() + 1));
            }
        }
        if (!commit.isEmpty()) {
            consumer.commitSync(commit, KafkaOptions.TIMEOUT);
        }
        out.printf("%d replayed, %d skipped, %d failed%n", replayed, skipped, failed);
        return failed > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /** The event-type header the original record carried, as far as the topic tells. */
    static String eventType(String topic) {
        return switch (topic) {
            case Topics.DOCUMENTS -> DocumentEvent.TYPE;
            case Topics.ANNOTATIONS -> AnnotationEvent.TYPE;
            case Topics.STATUS -> DocumentStatusEvent.TYPE;
            default -> null;
        };
    }
}
