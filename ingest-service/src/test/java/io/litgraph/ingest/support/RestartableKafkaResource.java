package io.litgraph.ingest.support;

import io.litgraph.events.Topics;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import kafka.server.BrokerServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;

import java.util.Map;

/**
 * A real in-JVM broker the test can stop and start again on the same port, to show that submissions
 * are accepted while it is down and published once it is back.
 */
public class RestartableKafkaResource implements QuarkusTestResourceLifecycleManager {
    private static volatile KafkaClusterTestKit cluster;

    @Override
    public Map<String, String> start() {
        try {
            cluster = KafkaBrokerResource.startBroker();
            KafkaBrokerResource.createTopics(cluster.bootstrapServers(),
                    String.join(",", Topics.DOCUMENTS, Topics.STATUS, Topics.DEAD_LETTER), 1);
            return Map.of("kafka.bootstrap.servers", cluster.bootstrapServers());
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test Kafka broker", e);
        }
    }

    public static void stopBrokers() {
        cluster.brokers().values().forEach(BrokerServer::shutdown);
        cluster.brokers().values().forEach(BrokerServer::awaitShutdown);
    }

    public static void startBrokers() throws Exception {
        cluster.brokers().values().forEach(BrokerServer::startup);
        cluster.waitForReadyBrokers();
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
