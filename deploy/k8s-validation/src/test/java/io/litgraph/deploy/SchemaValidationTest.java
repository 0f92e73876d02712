package io.litgraph.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Every rendered object is valid for the API it targets, and the validator itself catches mistakes. */
class SchemaValidationTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * Kinds whose CRD is not among the shared schemas (the Barman Cloud plugin's ObjectStore and
     * CloudNativePG's ScheduledBackup CRD file). They are checked structurally in ConfigurationTest;
     * any other kind without a schema fails.
     */
    private static final Set<String> NO_SCHEMA_AVAILABLE = Set.of(
            "barmancloud.cnpg.io/v1 ObjectStore",
            "postgresql.cnpg.io/v1 ScheduledBackup");

    /** Core kinds and the fabric8 class the model must parse them into. */
    private static final Map<String, Class<?>> MODEL = Map.of(
            "Deployment", Deployment.class,
            "Service", Service.class,
            "ConfigMap", ConfigMap.class,
            "Secret", Secret.class,
            "PodDisruptionBudget", PodDisruptionBudget.class,
            "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "NetworkPolicy", NetworkPolicy.class,
            "Ingress", Ingress.class);

    static Stream<String> overlays() {
        return Deploy.overlays();
    }

    @Test
    void devAndProdOverlaysExist() {
        assertEquals(List.of("dev", "prod"), Deploy.overlays().toList());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectValidatesAgainstItsSchema(String overlay) {
        Manifests rendered = Deploy.render(overlay);
        SchemaCatalog schemas = Deploy.schemas();
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : rendered.all()) {
            String type = manifest.apiVersion() + " " + manifest.kind();
            if (schemas.schemaFor(manifest.apiVersion(), manifest.kind()).isEmpty()) {
                if (!NO_SCHEMA_AVAILABLE.contains(type)) {
                    problems.add(manifest.id() + ": no schema for " + type);
                }
                continue;
            }
            schemas.validate(manifest.tree()).forEach(message -> problems.add(manifest.id() + ": " + message));
        }
        assertTrue(problems.isEmpty(), overlay + ":\n" + String.join("\n", problems));
        assertTrue(rendered.all().size() > 20, "suspiciously few objects rendered: " + rendered.all().size());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectParsesIntoTheKubernetesModel(String overlay) {
        for (Manifest manifest : Deploy.render(overlay).all()) {
            Class<?> expected = MODEL.getOrDefault(manifest.kind(), GenericKubernetesResource.class);
            assertTrue(expected.isInstance(manifest.object()),
                    manifest.id() + " parsed as " + manifest.object().getClass().getSimpleName() + ", not " + expected.getSimpleName());
            assertFalse(manifest.name().isBlank(), "object without a name: " + manifest.tree());
            assertEquals(overlay.equals("dev") ? "litgraph-dev" : "litgraph", manifest.object().getMetadata().getNamespace(),
                    manifest.id() + " namespace");
        }
    }

    // --- the validator must be able to say no ---------------------------------------------------

    @Test
    void coreSchemaRejectsAWrongTypeAndAnUnknownField() throws Exception {
        JsonNode deployment = YAML.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replicas: "3"
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers: [{name: c, image: i, imagePullPolcy: Always}]
                """);
        List<String> messages = Deploy.schemas().validate(deployment);
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("replicas")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("imagePullPolcy")), messages.toString());
    }

    @Test
    void crdSchemaAcceptsAValidTopicAndRejectsAMisspeltField() throws Exception {
        JsonNode topic = YAML.readTree("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t, labels: {strimzi.io/cluster: c}}
                spec: {topicName: a.b, partitions: 3, replicas: 1, config: {retention.ms: 1000}}
                """);
        assertEquals(List.of(), Deploy.schemas().validate(topic));
        ((com.fasterxml.jackson.databind.node.ObjectNode) topic.get("spec")).put("partitons", 3);
        List<String> messages = Deploy.schemas().validate(topic);
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("partitons"), messages.toString());
    }

    @Test
    void crdSchemaRejectsAWrongEnumValue() throws Exception {
        JsonNode cluster = YAML.readTree("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: db}
                spec:
                  instances: 1
                  storage: {size: 1Gi}
                  managed: {roles: [{name: r, ensure: maybe}]}
                """);
        List<String> messages = Deploy.schemas().validate(cluster);
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("ensure"), messages.toString());
    }

    @Test
    void coreFileNamesFollowTheGeneratorsConvention() {
        assertEquals("deployment-apps-v1.json", SchemaCatalog.coreFileName("apps/v1", "Deployment"));
        assertEquals("service-v1.json", SchemaCatalog.coreFileName("v1", "Service"));
        assertEquals("ingress-networking-v1.json", SchemaCatalog.coreFileName("networking.k8s.io/v1", "Ingress"));
        assertEquals("horizontalpodautoscaler-autoscaling-v2.json",
                SchemaCatalog.coreFileName("autoscaling/v2", "HorizontalPodAutoscaler"));
    }

    @Test
    void renderingABrokenKustomizationFailsLoudly(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        org.junit.jupiter.api.Assertions.assertTrue(Kustomize.kubectl().isPresent(),
                "kubectl is not installed (apt-get install -y kubernetes-client)");
        java.nio.file.Files.writeString(dir.resolve("kustomization.yaml"), "resources: [missing.yaml]\n");
        try {
            Kustomize.render(dir);
            fail("rendering a kustomization with a missing resource succeeded");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage().contains("missing.yaml"), expected.getMessage());
        }
    }
}
