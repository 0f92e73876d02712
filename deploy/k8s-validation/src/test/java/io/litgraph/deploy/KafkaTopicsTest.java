package io.litgraph.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.litgraph.events.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The topics the code uses exist as Strimzi KafkaTopics, sized for the cluster they run on. */
class KafkaTopicsTest {

    static Stream<String> overlays() {
        return Deploy.overlays();
    }

    /** Every topic constant of io.litgraph.events.Topics (the header-name constants excluded). */
    static Set<String> topicsInCode() throws IllegalAccessException {
        Set<String> topics = new TreeSet<>();
        for (Field field : Topics.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isPublic(modifiers) && field.getType() == String.class
                    && !field.getName().startsWith("HEADER_")) {
                topics.add((String) field.get(null));
            }
        }
        return topics;
    }

    @Test
    void theCodeDeclaresTheFourTopicsIncludingTheDeadLetterTopic() throws Exception {
        assertEquals(4, topicsInCode().size(), topicsInCode().toString());
        assertTrue(topicsInCode().contains(Topics.DEAD_LETTER));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicOfTheCodeAndOfTheServicesHasAKafkaTopic(String overlay) throws Exception {
        Map<String, JsonNode> topics = kafkaTopics(Deploy.render(overlay));
        Set<String> used = new TreeSet<>(topicsInCode());
        for (String service : Deploy.SERVICES) {
            used.addAll(Deploy.module(service).topics());
        }
        assertEquals(used, topics.keySet(), "KafkaTopics are exactly the topics in use");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void topicsBelongToTheClusterAndFitItsBrokers(String overlay) {
        Manifests rendered = Deploy.render(overlay);
        String cluster = rendered.ofKind("Kafka").findFirst().orElseThrow().name();
        int brokers = rendered.ofKind("KafkaNodePool")
                .filter(pool -> cluster.equals(pool.tree().at("/metadata/labels/strimzi.io~1cluster").asText()))
                .filter(pool -> pool.tree().at("/spec/roles").toString().contains("broker"))
                .mapToInt(pool -> pool.tree().at("/spec/replicas").asInt()).sum();
        assertTrue(brokers >= 1, "no broker node pool for " + cluster);
        for (JsonNode topic : kafkaTopics(rendered).values()) {
            String name = topic.at("/spec/topicName").asText();
            assertEquals(cluster, topic.at("/metadata/labels/strimzi.io~1cluster").asText(), name + " is reconciled by the cluster's topic operator");
            int replicas = topic.at("/spec/replicas").asInt();
            assertTrue(topic.at("/spec/partitions").asInt() >= 1, name);
            assertTrue(replicas >= 1 && replicas <= brokers, name + ": " + replicas + " replicas on " + brokers + " brokers");
            int minIsr = topic.at("/spec/config/min.insync.replicas").asInt();
            assertTrue(minIsr >= 1 && (minIsr < replicas || replicas == 1), name + ": min.insync.replicas " + minIsr + " must leave room for one broker down");
            assertTrue(topic.at("/spec/config/retention.ms").asLong() > 0, name + " states its retention");
        }
        if (overlay.equals("prod")) {
            kafkaTopics(rendered).values().forEach(t -> assertEquals(3, t.at("/spec/replicas").asInt(), "prod keeps three copies"));
        }
        assertEquals("false", rendered.ofKind("Kafka").findFirst().orElseThrow().tree()
                .at("/spec/kafka/config/auto.create.topics.enable").asText(), "topics exist only as KafkaTopics");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theClusterRunsInKraftModeWithControllers(String overlay) {
        Manifests rendered = Deploy.render(overlay);
        List<String> roles = rendered.ofKind("KafkaNodePool")
                .flatMap(pool -> Stream.of(pool.tree().at("/spec/roles").toString())).toList();
        assertTrue(roles.stream().anyMatch(r -> r.contains("controller")), "a KRaft controller pool");
        int controllers = rendered.ofKind("KafkaNodePool").filter(p -> p.tree().at("/spec/roles").toString().contains("controller"))
                .mapToInt(p -> p.tree().at("/spec/replicas").asInt()).sum();
        assertTrue(controllers % 2 == 1, "an odd controller quorum: " + controllers);
        if (overlay.equals("prod")) {
            assertTrue(controllers >= 3, "prod survives the loss of a controller");
        }
    }

    /** Topic name → KafkaTopic, failing on duplicates. */
    static Map<String, JsonNode> kafkaTopics(Manifests rendered) {
        return rendered.ofKind("KafkaTopic").map(Manifest::tree)
                .collect(Collectors.toMap(t -> t.at("/spec/topicName").asText(), Function.identity()));
    }
}
