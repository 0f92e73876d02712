package io.litgraph.cli.dlq;

import io.litgraph.cli.ExitCodes;
import io.litgraph.cli.kafka.KafkaOptions;
import io.litgraph.events.DeadLetterEvent;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** Lists dead letters; those already replayed are marked (or hidden with --pending). */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List dead-letter records: DLQ position, key, source topic-partition@offset, error.")
public class DlqListCommand implements Callable<Integer> {
    private static final int ERROR_WIDTH = 120;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--max", paramLabel = "N", defaultValue = "1000", description = "list at most N (default ${DEFAULT-VALUE})")
    int max;

    @Option(names = "--pending", description = "only records not replayed yet")
    boolean pendingOnly;

    @Option(names = "--group", paramLabel = "GROUP", defaultValue = DlqCommand.REPLAY_GROUP,
            description = "replay consumer group that marks what was replayed (default ${DEFAULT-VALUE})")
    String group;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // a throw-away group id: listing must not touch the replay group's offsets
        try (KafkaConsumer<String, byte[]> consumer = DeadLetters.consumer(kafka, "litgraph-dlq-list-" + UUID.randomUUID());
             KafkaConsumer<String, byte[]> replay = DeadLetters.consumer(kafka, group)) {
            List<TopicPartition> partitions = DeadLetters.partitions(consumer);
            Map<TopicPartition, Long> replayed = DeadLetters.committed(replay, partitions);
            Map<TopicPartition, Long> from = pendingOnly ? replayed
                    : partitions.stream().collect(Collectors.toMap(p -> p, p -> 0L));
            List<DeadLetters.Entry> entries = DeadLetters.read(consumer, partitions, from, max);
            if (entries.isEmpty()) {
                out.println(pendingOnly ? "no pending dead letters" : "the dead-letter topic is empty");
                return ExitCodes.OK;
            }
            out.printf("%-10s %-8s %-36s %-34s %s%n", "DLQ", "STATE", "KEY", "SOURCE", "ERROR");
            long pending = 0;
            for (DeadLetters.Entry e : entries) {
                boolean done = e.offset() < replayed.get(e.partition());
                pending += done ? 0 : 1;
                DeadLetterEvent d = e.event();
                String source = d == null ? "?" : d.sourceTopic() + "-" + d.sourcePartition() + "@" + d.sourceOffset();
                String error = d == null ? "unreadable dead-letter record" : simpleName(d.errorClass()) + ": " + d.errorMessage();
                out.printf("%-10s %-8s %-36s %-34s %s%n", e.partition().partition() + "@" + e.offset(),
                        done ? "replayed" : "pending", e.key(), source, abbreviate(error));
            }
            out.printf("%d listed, %d pending replay%n", entries.size(), pending);
            return ExitCodes.OK;
        } catch (KafkaException e) {
            throw kafka.unreachable(e);
        }
    }

    private static String simpleName(String className) {
        return className == null ? "?" : className.substring(className.lastIndexOf('.') + 1);
    }

    private static String abbreviate(String s) {
        String line = s.replace('\n', ' ');
        return line.length() <= ERROR_WIDTH ? line : line.substring(0, ERROR_WIDTH) + "…";
    }
}
