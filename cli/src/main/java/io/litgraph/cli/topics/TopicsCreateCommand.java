package io.litgraph.cli.topics;

import io.litgraph.cli.ExitCodes;
import io.litgraph.cli.kafka.KafkaOptions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Creates the four topics; existing ones are left as they are, so running it again is harmless. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create litgraph's topics (documents, annotations, document-status, dead-letter).",
                "Existing topics are kept unchanged. Partitions: documents and annotations --partitions (default 6),"
                        + " status half of that, dead-letter 1. Retention: 7 days, dead-letter 30 days."})
public class TopicsCreateCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "" + TopicPlan.DEFAULT_WORK_PARTITIONS,
            description = "partitions of the documents and annotations topics (default ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--replication-factor", paramLabel = "N",
            description = "replicas per partition (default: 3, or the number of brokers when fewer)")
    Short replicationFactor;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (partitions < 1) {
            throw new ParameterException(spec.commandLine(), "--partitions must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<TopicPlan> plan = TopicPlan.litgraph(partitions);
        try (Admin admin = kafka.admin()) {
            long timeout = KafkaOptions.TIMEOUT.toMillis();
            int brokers = admin.describeCluster().nodes().get(timeout, TimeUnit.MILLISECONDS).size();
            short replicas = replicationFactor != null ? replicationFactor : (short) Math.min(3, brokers);
            CreateTopicsResult result = admin.createTopics(plan.stream()
                    .map(t -> new NewTopic(t.name(), t.partitions(), replicas).configs(t.configs(replicas))).toList());
            Map<String, String> outcomes = new LinkedHashMap<>();
            for (TopicPlan t : plan) {
                try {
                    result.values().get(t.name()).get(timeout, TimeUnit.MILLISECONDS);
                    outcomes.put(t.name(), "created");
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                    outcomes.put(t.name(), "exists");
                }
            }
            Map<String, TopicDescription> described = describe(admin, outcomes.keySet(), timeout);
            for (TopicPlan t : plan) {
                TopicDescription d = described.get(t.name());
                String outcome = outcomes.get(t.name());
                out.printf("%-8s %-30s partitions=%d replicas=%d %s%n", outcome, t.name(), d.partitions().size(),
                        d.partitions().get(0).replicas().size(), "created".equals(outcome)
                                ? "retention=" + t.retention().toDays() + "d" : "(left unchanged)");
            }
            return ExitCodes.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw kafka.unreachable(e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException | org.apache.kafka.common.KafkaException e) {
            throw kafka.unreachable(e);
        }
    }

    /** New topics take a moment to appear in the metadata every broker serves. */
    private static Map<String, TopicDescription> describe(Admin admin, java.util.Collection<String> names, long timeout)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        for (int attempt = 1; ; attempt++) {
            try {
                return admin.describeTopics(names).allTopicNames().get(timeout, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) || attempt == 10) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }
}
