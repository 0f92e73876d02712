package io.litgraph.cli;

import io.litgraph.testsupport.KafkaBrokerResource;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A real in-JVM Kafka broker for one test class ({@code @RegisterExtension static KafkaBroker broker}). */
public class KafkaBroker implements BeforeAllCallback, AfterAllCallback {
    private KafkaClusterTestKit cluster;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        cluster = KafkaBrokerResource.startBroker();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        cluster.close();
    }

    public String bootstrap() {
        return cluster.bootstrapServers();
    }
}
