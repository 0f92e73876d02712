package io.litgraph.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A real Apache Kafka broker (KRaft, combined broker+controller) inside the test JVM. Dev Services need
 * Docker, which these machines do not have; this is the same broker code as production, not a fake.
 * Topics named in the {@code topics} init argument (comma separated) are created up front.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {
    private KafkaClusterTestKit cluster;
    private String topics = "";
    private int partitions = 3;

    @Override
    public void init(Map<String, String> initArgs) {
        topics = initArgs.getOrDefault("topics", "");
        partitions = Integer.parseInt(initArgs.getOrDefault("partitions", "3"));
    }

    @Override
    public Map<String, String> start() {
        try {
            cluster = startBroker();
            String bootstrap = cluster.bootstrapServers();
            createTopics(bootstrap, topics, partitions);
            return Map.of("kafka.bootstrap.servers", bootstrap);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test Kafka broker", e);
        }
    }

    public static KafkaClusterTestKit startBroker() throws Exception {
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("auto.create.topics.enable", "false")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        return cluster;
    }

    public static void createTopics(String bootstrap, String commaSeparated, int partitions) throws Exception {
        List<NewTopic> newTopics = java.util.Arrays.stream(commaSeparated.split(","))
                .map(String::trim).filter(t -> !t.isEmpty())
                .map(t -> new NewTopic(t, partitions, (short) 1)).toList();
        if (newTopics.isEmpty()) {
            return;
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(newTopics).all().get();
        }
    }

    @Override
    public void stop() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
