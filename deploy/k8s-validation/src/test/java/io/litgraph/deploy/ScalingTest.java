package io.litgraph.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.litgraph.events.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HPAs for the HTTP services, KEDA on consumer lag for entity-service, one replica each in dev. */
class ScalingTest {

    static Stream<String> overlays() {
        return Deploy.overlays();
    }

    @Test
    void devRunsOneReplicaOfEachServiceWithoutAutoscaling() {
        Manifests dev = Deploy.render("dev");
        for (Deployment deployment : dev.objects(Deployment.class)) {
            assertEquals(1, deployment.getSpec().getReplicas(), deployment.getMetadata().getName());
        }
        assertEquals(0, dev.objects(HorizontalPodAutoscaler.class).size());
        assertEquals(0, dev.ofKind("ScaledObject").count());
        assertEquals(1, dev.ofKind("KafkaNodePool").findFirst().orElseThrow().tree().at("/spec/replicas").asInt());
        assertEquals(1, dev.ofKind("Cluster").findFirst().orElseThrow().tree().at("/spec/instances").asInt());
    }

    @Test
    void prodScalesTheHttpServicesOnCpuFromAHighlyAvailableFloor() {
        Manifests prod = Deploy.render("prod");
        Map<String, HorizontalPodAutoscaler> byTarget = prod.objects(HorizontalPodAutoscaler.class).stream()
                .collect(Collectors.toMap(h -> h.getSpec().getScaleTargetRef().getName(), h -> h));
        assertEquals(List.of("ingest-service", "query-service"), byTarget.keySet().stream().sorted().toList());
        for (HorizontalPodAutoscaler hpa : byTarget.values()) {
            String target = hpa.getSpec().getScaleTargetRef().getName();
            assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
            assertTrue(prod.find(Deployment.class, target).isPresent());
            assertTrue(hpa.getSpec().getMinReplicas() >= 3, target + ": HA needs at least three replicas");
            assertTrue(hpa.getSpec().getMaxReplicas() > hpa.getSpec().getMinReplicas(), target);
            assertEquals("cpu", hpa.getSpec().getMetrics().get(0).getResource().getName());
        }
        for (Deployment deployment : prod.objects(Deployment.class)) {
            // a replica count in the manifest would reset the autoscaler's choice on every apply
            assertNull(deployment.getSpec().getReplicas(), deployment.getMetadata().getName() + " leaves replicas to its autoscaler");
        }
        assertEquals(3, prod.ofKind("KafkaNodePool").findFirst().orElseThrow().tree().at("/spec/replicas").asInt());
        assertEquals(3, prod.ofKind("Cluster").findFirst().orElseThrow().tree().at("/spec/instances").asInt());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void entityServiceScalesOnTheLagOfItsOwnConsumerGroupUpToThePartitionCount(String overlay) {
        Manifests rendered = Deploy.render(overlay);
        List<JsonNode> scaledObjects = rendered.ofKind("ScaledObject").map(Manifest::tree).toList();
        if (overlay.equals("dev")) {
            return; // dev runs fixed single replicas (devRunsOneReplicaOfEachServiceWithoutAutoscaling)
        }
        assertEquals(1, scaledObjects.size());
        JsonNode scaled = scaledObjects.get(0);
        assertEquals("entity-service", scaled.at("/spec/scaleTargetRef/name").asText());
        assertTrue(rendered.objects(HorizontalPodAutoscaler.class).stream()
                .noneMatch(h -> h.getSpec().getScaleTargetRef().getName().equals("entity-service")), "KEDA owns entity-service's HPA");

        JsonNode trigger = scaled.at("/spec/triggers/0");
        assertEquals("kafka", trigger.path("type").asText());
        JsonNode metadata = trigger.path("metadata");
        String group = Deploy.module("entity-service").consumerGroupOf(Topics.DOCUMENTS)
                .orElseThrow(() -> new AssertionError("entity-service has no channel on " + Topics.DOCUMENTS));
        assertEquals(group, metadata.path("consumerGroup").asText(), "the group entity-service consumes with");
        assertEquals(Topics.DOCUMENTS, metadata.path("topic").asText());

        int partitions = KafkaTopicsTest.kafkaTopics(rendered).get(Topics.DOCUMENTS).at("/spec/partitions").asInt();
        int max = scaled.at("/spec/maxReplicaCount").asInt();
        int min = scaled.at("/spec/minReplicaCount").asInt();
        assertTrue(max <= partitions, "more consumers than partitions would idle: max " + max + ", partitions " + partitions);
        assertTrue(min >= 2 && min <= max, "prod keeps two consumers through a rolling update: min " + min);

        // KEDA's operator lives in another namespace: the broker address must name this one
        String namespace = scaled.at("/metadata/namespace").asText();
        String kafka = rendered.ofKind("Kafka").findFirst().orElseThrow().name();
        assertEquals(kafka + "-kafka-bootstrap." + namespace + ".svc:9092", metadata.path("bootstrapServers").asText());
    }
}
