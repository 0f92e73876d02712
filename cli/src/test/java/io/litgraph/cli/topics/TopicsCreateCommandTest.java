package io.litgraph.cli.topics;

import io.litgraph.cli.CliRun;
import io.litgraph.cli.ExitCodes;
import io.litgraph.cli.KafkaBroker;
import io.litgraph.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicsCreateCommandTest {
    @RegisterExtension
    static KafkaBroker broker = new KafkaBroker();

    private static final List<String> ALL = List.of(Topics.DOCUMENTS, Topics.ANNOTATIONS, Topics.STATUS, Topics.DEAD_LETTER);

    @Test
    void createsTheFourTopicsAndIsIdempotent() throws Exception {
        CliRun first = CliRun.of("topics", "create", "--bootstrap", broker.bootstrap());
        assertEquals(ExitCodes.OK, first.exitCode(), first.err());
        for (String topic : ALL) {
            assertTrue(first.out().lines().anyMatch(l -> l.startsWith("created") && l.contains(topic)), first.out());
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(ALL).allTopicNames().get();
            assertEquals(6, topics.get(Topics.DOCUMENTS).partitions().size());
            assertEquals(6, topics.get(Topics.ANNOTATIONS).partitions().size());
            assertEquals(3, topics.get(Topics.STATUS).partitions().size());
            assertEquals(1, topics.get(Topics.DEAD_LETTER).partitions().size());
            ConfigResource dlq = new ConfigResource(ConfigResource.Type.TOPIC, Topics.DEAD_LETTER);
            ConfigResource documents = new ConfigResource(ConfigResource.Type.TOPIC, Topics.DOCUMENTS);
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(dlq, documents)).all().get();
            assertEquals(Long.toString(Duration.ofDays(30).toMillis()), configs.get(dlq).get("retention.ms").value());
            assertEquals(Long.toString(Duration.ofDays(7).toMillis()), configs.get(documents).get("retention.ms").value());
            assertEquals("16777216", configs.get(documents).get("max.message.bytes").value(), "a document may hold 10 MiB of text");
        }

        CliRun again = CliRun.of("topics", "create", "--bootstrap", broker.bootstrap(), "--partitions", "12");
        assertEquals(ExitCodes.OK, again.exitCode(), again.err());
        assertEquals(4, again.out().lines().filter(l -> l.startsWith("exists")).count(), again.out());
        assertTrue(again.out().contains("partitions=6"), "existing topics are left as they are: " + again.out());
    }

    @Test
    void rejectsNonsense() {
        CliRun run = CliRun.of("topics", "create", "--bootstrap", broker.bootstrap(), "--partitions", "0");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("--partitions"), run.err());
    }
}
