package io.litgraph.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every setting a service needs in a cluster is provided, and points at the right Kafka and database. */
class ConfigurationTest {

    /**
     * Settings that application.properties cannot reveal: typed-config keys without a default that a
     * cluster must set. The rest is derived from the files (ServiceModule.requiredEnvironment).
     */
    private static final Map<String, Set<String>> ALSO_REQUIRED = Map.of(
            "ingest-service", Set.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL",
                    "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "LITGRAPH_INGEST_API_KEYS"),
            "entity-service", Set.of("KAFKA_BOOTSTRAP_SERVERS", "LITGRAPH_VOCAB_PATH", "LITGRAPH_ANNOTATE_API_KEYS"),
            "query-service", Set.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL",
                    "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD"));

    /** The database role and schema of each service that owns tables (docs/ARCHITECTURE.md). */
    private static final Map<String, String> SCHEMA_OF = Map.of("ingest-service", "ingest", "query-service", "query");

    static Stream<String> overlays() {
        return Deploy.overlays();
    }

    @Test
    void propertiesRevealWhatMustBeOverriddenInACluster() {
        // guards the derivation itself: the localhost defaults and the credentials are found in the real files
        assertTrue(Deploy.module("ingest-service").requiredEnvironment().containsAll(
                Set.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_PASSWORD")));
        assertTrue(Deploy.module("entity-service").requiredEnvironment().contains("KAFKA_BOOTSTRAP_SERVERS"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyRequiredSettingIsProvided(String overlay) {
        Manifests rendered = Deploy.render(overlay);
        List<String> problems = new ArrayList<>();
        for (String service : Deploy.SERVICES) {
            Set<String> required = new TreeSet<>(Deploy.module(service).requiredEnvironment());
            required.addAll(ALSO_REQUIRED.get(service));
            Map<String, String> provided = environment(rendered, service, problems);
            for (String name : required) {
                if (!provided.containsKey(name)) {
                    problems.add(service + ": " + name + " is not set");
                }
            }
        }
        assertTrue(problems.isEmpty(), overlay + ":\n" + String.join("\n", problems));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesPointAtTheKafkaBootstrapService(String overlay) {
        Manifests rendered = Deploy.render(overlay);
        JsonNode kafka = rendered.ofKind("Kafka").findFirst().orElseThrow().tree();
        JsonNode listener = kafka.at("/spec/kafka/listeners/0");
        String expected = kafka.at("/metadata/name").asText() + "-kafka-bootstrap:" + listener.path("port").asInt();
        for (String service : Deploy.SERVICES) {
            Map<String, String> env = environment(rendered, service, new ArrayList<>());
            assertEquals(expected, env.get("KAFKA_BOOTSTRAP_SERVERS"), service);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void databaseSettingsMatchTheCloudNativePgCluster(String overlay) {
        Manifests rendered = Deploy.render(overlay);
        JsonNode cluster = rendered.ofKind("Cluster").findFirst().orElseThrow().tree();
        String clusterName = cluster.at("/metadata/name").asText();
        String database = cluster.at("/spec/bootstrap/initdb/database").asText();
        assertEquals("litgraph", database);
        Map<String, String> roleSecrets = new HashMap<>();
        for (JsonNode role : cluster.at("/spec/managed/roles")) {
            assertTrue(role.path("login").asBoolean(), role.path("name") + " can log in");
            roleSecrets.put(role.path("name").asText(), role.at("/passwordSecret/name").asText());
        }
        assertEquals(Set.of("litgraph_ingest", "litgraph_query"), roleSecrets.keySet());
        List<String> initSql = new ArrayList<>();
        cluster.at("/spec/bootstrap/initdb/postInitApplicationSQL").forEach(s -> initSql.add(s.asText()));

        for (Map.Entry<String, String> owner : SCHEMA_OF.entrySet()) {
            String service = owner.getKey();
            String schema = owner.getValue();
            String role = "litgraph_" + schema;
            Deployment deployment = rendered.find(Deployment.class, service).orElseThrow();
            Map<String, String> env = environment(rendered, service, new ArrayList<>());

            URI jdbc = URI.create(env.get("QUARKUS_DATASOURCE_JDBC_URL").substring("jdbc:".length()));
            assertEquals(clusterName + "-rw", jdbc.getHost(), service + " writes through the primary's service");
            assertEquals("/" + database, jdbc.getPath(), service);
            assertEquals("currentSchema=" + schema, jdbc.getQuery(), service);
            assertTrue(initSql.contains("CREATE SCHEMA " + schema + " AUTHORIZATION " + role), "schema " + schema + " owned by " + role);

            // the Deployment reads the very Secret the operator sets the role's password from
            Container app = WorkloadsTest.appContainer(deployment);
            assertEquals(roleSecrets.get(role), secretRef(app, "QUARKUS_DATASOURCE_PASSWORD").getName(), service);
            assertEquals(roleSecrets.get(role), secretRef(app, "QUARKUS_DATASOURCE_USERNAME").getName(), service);
            assertEquals("password", secretRef(app, "QUARKUS_DATASOURCE_PASSWORD").getKey());
            assertEquals("username", secretRef(app, "QUARKUS_DATASOURCE_USERNAME").getKey());

            rendered.find(Secret.class, roleSecrets.get(role)).ifPresent(secret -> {
                assertEquals("kubernetes.io/basic-auth", secret.getType(), "CloudNativePG wants basic-auth Secrets");
                assertEquals(role, decoded(secret, "username"), "the Secret's username is the role");
            });
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void referencedSecretsExistInDevAndAreDocumentedForProd(String overlay) throws IOException {
        Manifests rendered = Deploy.render(overlay);
        Set<String> referenced = new TreeSet<>();
        for (Deployment deployment : rendered.objects(Deployment.class)) {
            for (Container container : WorkloadsTest.allContainers(deployment.getSpec().getTemplate().getSpec())) {
                for (EnvVar var : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
                    if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
                        referenced.add(var.getValueFrom().getSecretKeyRef().getName());
                    }
                }
            }
        }
        rendered.ofKind("Cluster").forEach(c -> c.tree().at("/spec/managed/roles").forEach(r -> referenced.add(r.at("/passwordSecret/name").asText())));
        assertFalse(referenced.isEmpty());
        if (overlay.equals("dev")) {
            for (String name : referenced) {
                assertTrue(rendered.find(Secret.class, name).isPresent(), "dev renders Secret " + name);
            }
        } else {
            assertEquals(List.of(), rendered.objects(Secret.class).stream().map(s -> s.getMetadata().getName()).toList(),
                    "prod renders no Secret: credentials are created out of band");
            String guide = Files.readString(Deploy.repoRoot().resolve("docs/DEPLOY.md"), StandardCharsets.UTF_8);
            for (String name : referenced) {
                assertTrue(guide.contains("`" + name + "`"), "docs/DEPLOY.md explains how to create Secret " + name);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theVocabularyIsCopiedToWhereLitgraphVocabPathPoints(String overlay) {
        Manifests rendered = Deploy.render(overlay);
        Deployment entity = rendered.find(Deployment.class, "entity-service").orElseThrow();
        String path = environment(rendered, "entity-service", new ArrayList<>()).get("LITGRAPH_VOCAB_PATH");
        org.junit.jupiter.api.Assertions.assertNotNull(path, "entity-service has no LITGRAPH_VOCAB_PATH");
        String dir = path.substring(0, path.lastIndexOf('/'));
        Container app = WorkloadsTest.appContainer(entity);
        var mount = app.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(dir)).findFirst()
                .orElseThrow(() -> new AssertionError("entity-service mounts nothing at " + dir));
        assertTrue(Boolean.TRUE.equals(mount.getReadOnly()), "the service only reads the vocabulary");
        Container init = entity.getSpec().getTemplate().getSpec().getInitContainers().stream()
                .filter(c -> c.getVolumeMounts().stream().anyMatch(m -> m.getName().equals(mount.getName())))
                .findFirst().orElseThrow(() -> new AssertionError("no initContainer fills " + dir));
        assertTrue(String.join(" ", init.getCommand()).endsWith(path), "the initContainer writes " + path + ": " + init.getCommand());
        assertTrue(entity.getSpec().getTemplate().getSpec().getVolumes().stream()
                .anyMatch(v -> v.getName().equals(mount.getName()) && v.getEmptyDir() != null));
    }

    @Test
    void prodBacksUpTheDatabase() {
        Manifests prod = Deploy.render("prod");
        JsonNode cluster = prod.ofKind("Cluster").findFirst().orElseThrow().tree();
        JsonNode plugin = cluster.at("/spec/plugins/0");
        assertEquals("barman-cloud.cloudnative-pg.io", plugin.path("name").asText());
        assertTrue(plugin.path("isWALArchiver").asBoolean());
        String store = plugin.at("/parameters/barmanObjectName").asText();
        JsonNode objectStore = prod.get("ObjectStore", store).tree();
        assertTrue(objectStore.at("/spec/configuration/destinationPath").asText().matches("^(s3|gs|https)://.+"));
        assertFalse(objectStore.at("/spec/retentionPolicy").asText().isBlank());
        JsonNode scheduled = prod.ofKind("ScheduledBackup").findFirst().orElseThrow().tree();
        assertEquals(cluster.at("/metadata/name").asText(), scheduled.at("/spec/cluster/name").asText());
        assertEquals("plugin", scheduled.at("/spec/method").asText());
        assertEquals(plugin.path("name").asText(), scheduled.at("/spec/pluginConfiguration/name").asText());
        assertEquals(6, scheduled.at("/spec/schedule").asText().split(" ").length, "CloudNativePG schedules have a seconds field");
    }

    /** The environment of a service's main container: env entries plus the keys of envFrom ConfigMaps. */
    static Map<String, String> environment(Manifests rendered, String service, List<String> problems) {
        Deployment deployment = rendered.find(Deployment.class, service).orElseThrow();
        Container app = WorkloadsTest.appContainer(deployment);
        Map<String, String> env = new HashMap<>();
        for (EnvFromSource source : app.getEnvFrom() == null ? List.<EnvFromSource>of() : app.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                String name = source.getConfigMapRef().getName();
                rendered.find(ConfigMap.class, name).ifPresentOrElse(
                        map -> env.putAll(map.getData()),
                        () -> problems.add(service + ": envFrom ConfigMap " + name + " is not rendered"));
            } else {
                problems.add(service + ": use explicit secretKeyRef entries, not envFrom Secrets, so every key is visible");
            }
        }
        for (EnvVar var : app.getEnv() == null ? List.<EnvVar>of() : app.getEnv()) {
            if (var.getValue() != null) {
                env.put(var.getName(), var.getValue());
            } else if (var.getValueFrom() != null && var.getValueFrom().getSecretKeyRef() != null) {
                SecretKeySelector ref = var.getValueFrom().getSecretKeyRef();
                env.put(var.getName(), "<secret " + ref.getName() + "/" + ref.getKey() + ">");
                rendered.find(Secret.class, ref.getName()).ifPresent(secret -> {
                    if (decoded(secret, ref.getKey()) == null) {
                        problems.add(service + ": Secret " + ref.getName() + " has no key " + ref.getKey());
                    }
                });
            } else if (var.getValueFrom() != null && var.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = var.getValueFrom().getConfigMapKeyRef();
                String value = rendered.find(ConfigMap.class, ref.getName()).map(m -> m.getData().get(ref.getKey())).orElse(null);
                if (value == null) {
                    problems.add(service + ": ConfigMap key " + ref.getName() + "/" + ref.getKey() + " not rendered");
                } else {
                    env.put(var.getName(), value);
                }
            } else {
                problems.add(service + ": " + var.getName() + " has no value");
            }
        }
        return env;
    }

    private static SecretKeySelector secretRef(Container container, String variable) {
        return container.getEnv().stream().filter(e -> e.getName().equals(variable)).findFirst()
                .map(e -> e.getValueFrom().getSecretKeyRef())
                .orElseThrow(() -> new AssertionError(variable + " is not taken from a Secret"));
    }

    private static String decoded(Secret secret, String key) {
        if (secret.getStringData() != null && secret.getStringData().containsKey(key)) {
            return secret.getStringData().get(key);
        }
        if (secret.getData() != null && secret.getData().containsKey(key)) {
            return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
        }
        return null;
    }
}
