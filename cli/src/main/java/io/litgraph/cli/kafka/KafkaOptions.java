package io.litgraph.cli.kafka;

import io.litgraph.cli.UserException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** {@code --bootstrap} and the client settings every Kafka command shares (a mixin). */
public class KafkaOptions {
    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Option(names = {"-b", "--bootstrap"}, paramLabel = "HOST:PORT",
            defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS or ${DEFAULT-VALUE})")
    public String bootstrap;

    /** Settings that make an unreachable broker fail in seconds instead of retrying for minutes. */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, "litgraph-cli");
        return config;
    }

    public Admin admin() {
        Map<String, Object> config = clientConfig();
        config.put(AdminClientConfig.RETRIES_CONFIG, 3);
        return Admin.create(config);
    }

    /** Unwraps Kafka's future failures into messages a user can act on. */
    public UserException unreachable(Throwable e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return new UserException("cannot reach Kafka at " + bootstrap + " within " + TIMEOUT.toSeconds()
                    + " s (is it running? see --bootstrap / KAFKA_BOOTSTRAP_SERVERS)", cause);
        }
        return new UserException("Kafka at " + bootstrap + ": " + cause.getMessage(), cause);
    }
}
