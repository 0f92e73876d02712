package io.litgraph.deploy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Where things are, and the rendered overlays (rendered once per JVM). */
final class Deploy {
    static final List<String> SERVICES = List.of("ingest-service", "entity-service", "query-service");
    static final String KUBERNETES_VERSION = "v1.32.2";

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();
    private static SchemaCatalog schemas;

    private Deploy() {
    }

    static Path repoRoot() {
        return Path.of(System.getProperty("litgraph.repo.root", "../..")).toAbsolutePath().normalize();
    }

    static Path k8sDir() {
        return Path.of(System.getProperty("litgraph.k8s.dir", "../k8s")).toAbsolutePath().normalize();
    }

    /** /work/shared/formats/k8s: next to the repository, never inside it. */
    static Path k8sFormats() {
        return repoRoot().resolve("../shared/formats/k8s").normalize();
    }

    /** The overlay directories: every directory under deploy/k8s/overlays. */
    static Stream<String> overlays() {
        try (Stream<Path> dirs = Files.list(k8sDir().resolve("overlays"))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The overlay as {@code kubectl apply -k} would build it. Without kubectl this fails rather than skips:
     * a deploy validation that did not run must not look like one that passed (the test command installs it).
     */
    static Manifests render(String overlay) {
        org.junit.jupiter.api.Assertions.assertTrue(Kustomize.kubectl().isPresent(),
                "kubectl is not installed (apt-get install -y kubernetes-client)");
        return RENDERED.computeIfAbsent(overlay, o -> Manifests.parse(Kustomize.render(k8sDir().resolve("overlays").resolve(o))));
    }

    static synchronized SchemaCatalog schemas() {
        assumeTrue(Files.isDirectory(k8sFormats()), "shared formats not present at " + k8sFormats());
        if (schemas == null) {
            schemas = SchemaCatalog.load(k8sFormats(), KUBERNETES_VERSION);
        }
        return schemas;
    }

    static ServiceModule module(String service) {
        return ServiceModule.at(repoRoot(), service);
    }

    /** Whether a label selector selects objects with these labels (matchLabels and matchExpressions). */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> match = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        for (Map.Entry<String, String> required : match.entrySet()) {
            if (!required.getValue().equals(labels.get(required.getKey()))) {
                return false;
            }
        }
        List<LabelSelectorRequirement> expressions = selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
        for (LabelSelectorRequirement requirement : expressions) {
            String value = labels.get(requirement.getKey());
            boolean ok = switch (requirement.getOperator()) {
                case "In" -> value != null && requirement.getValues().contains(value);
                case "NotIn" -> value == null || !requirement.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalArgumentException("unknown operator " + requirement.getOperator());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
