package io.litgraph.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The network allows exactly the flows of docs/ARCHITECTURE.md. Each rule of each NetworkPolicy that
 * selects a service's pods is classified as one named flow (or reported as unexpected); the set of
 * flows per service must equal the architecture's.
 */
class NetworkTest {

    private static final Map<String, Set<String>> EGRESS = Map.of(
            "ingest-service", Set.of("dns", "kafka", "postgres"),
            "entity-service", Set.of("dns", "kafka"),
            "query-service", Set.of("dns", "kafka", "postgres"));
    private static final Map<String, Set<String>> INGRESS = Map.of(
            "ingest-service", Set.of("ingress-controller"),
            "entity-service", Set.of(),
            "query-service", Set.of("ingress-controller"));

    static Stream<String> overlays() {
        return Deploy.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceIsIsolatedBothWays(String overlay) {
        Manifests rendered = Deploy.render(overlay);
        for (Deployment deployment : rendered.objects(Deployment.class)) {
            Map<String, String> labels = podLabels(deployment);
            List<NetworkPolicy> selecting = selecting(rendered, labels);
            assertTrue(selecting.stream().anyMatch(p -> p.getSpec().getPolicyTypes().contains("Ingress")), deployment.getMetadata().getName() + " ingress isolated");
            assertTrue(selecting.stream().anyMatch(p -> p.getSpec().getPolicyTypes().contains("Egress")), deployment.getMetadata().getName() + " egress isolated");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheArchitecturesFlowsAreAllowed(String overlay) {
        Manifests rendered = Deploy.render(overlay);
        Flows flows = new Flows(rendered);
        List<String> problems = new ArrayList<>();
        for (String service : Deploy.SERVICES) {
            Deployment deployment = rendered.find(Deployment.class, service).orElseThrow();
            Set<String> egress = new TreeSet<>();
            Set<String> ingress = new TreeSet<>();
            for (NetworkPolicy policy : selecting(rendered, podLabels(deployment))) {
                String where = service + " via " + policy.getMetadata().getName();
                for (var rule : policy.getSpec().getEgress() == null ? List.<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule>of() : policy.getSpec().getEgress()) {
                    flows.classify(where + " egress", rule.getTo(), rule.getPorts(), problems).ifPresent(egress::add);
                }
                for (var rule : policy.getSpec().getIngress() == null ? List.<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule>of() : policy.getSpec().getIngress()) {
                    flows.classifyIngress(where + " ingress", rule.getFrom(), rule.getPorts(), Deploy.module(service).httpPort(), problems).ifPresent(ingress::add);
                }
            }
            if (!egress.equals(EGRESS.get(service))) {
                problems.add(service + " egress " + egress + ", architecture says " + EGRESS.get(service));
            }
            if (!ingress.equals(INGRESS.get(service))) {
                problems.add(service + " ingress " + ingress + ", architecture says " + INGRESS.get(service));
            }
        }
        assertTrue(problems.isEmpty(), overlay + ":\n" + String.join("\n", problems));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheServicesAndKedaMayReachTheBrokers(String overlay) {
        Manifests rendered = Deploy.render(overlay);
        JsonNode listeners = rendered.ofKind("Kafka").findFirst().orElseThrow().tree().at("/spec/kafka/listeners");
        assertEquals(1, listeners.size(), "one listener, in-cluster");
        JsonNode listener = listeners.get(0);
        assertEquals("internal", listener.path("type").asText());
        Set<String> peers = new TreeSet<>();
        for (JsonNode peer : listener.path("networkPolicyPeers")) {
            String app = peer.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText();
            String namespace = peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText();
            peers.add(namespace.isEmpty() ? app : namespace + "/" + app);
        }
        assertEquals(new TreeSet<>(Set.of("ingest-service", "entity-service", "query-service", "keda/keda-operator")), peers);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theIngressExposesOnlyThePublicApisOfIngestAndQuery(String overlay) {
        Manifests rendered = Deploy.render(overlay);
        List<Ingress> ingresses = rendered.objects(Ingress.class);
        assertEquals(1, ingresses.size());
        Set<String> backends = new TreeSet<>();
        Set<String> hosts = new HashSet<>();
        for (IngressRule rule : ingresses.get(0).getSpec().getRules()) {
            assertTrue(hosts.add(rule.getHost()), "one rule per host: " + rule.getHost());
            Set<String> servicesOfHost = new TreeSet<>();
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                assertEquals("/api", path.getPath(), "only the API is routed, never /q (health, metrics, OpenAPI)");
                assertEquals("Prefix", path.getPathType());
                String service = path.getBackend().getService().getName();
                String portName = path.getBackend().getService().getPort().getName();
                Service target = rendered.find(Service.class, service).orElseThrow(() -> new AssertionError("no Service " + service));
                assertTrue(target.getSpec().getPorts().stream().anyMatch(p -> p.getName().equals(portName)), service + " has port " + portName);
                servicesOfHost.add(service);
                backends.add(service);
            }
            // both services serve /api/documents: they can only share an Ingress on different hosts
            assertEquals(1, servicesOfHost.size(), rule.getHost() + " routes to " + servicesOfHost);
        }
        assertEquals(Set.of("ingest-service", "query-service"), backends);
        assertFalse(ingresses.get(0).getSpec().getIngressClassName().isBlank());
        if (overlay.equals("prod")) {
            var tls = ingresses.get(0).getSpec().getTls();
            assertFalse(tls == null || tls.isEmpty(), "prod serves TLS");
            assertTrue(tls.get(0).getHosts().containsAll(hosts), "every prod host is covered by TLS");
        }
    }

    private static Map<String, String> podLabels(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }

    private static List<NetworkPolicy> selecting(Manifests rendered, Map<String, String> labels) {
        return rendered.objects(NetworkPolicy.class).stream()
                .filter(p -> Deploy.selects(p.getSpec().getPodSelector(), labels)).toList();
    }

    /** Names the peers of a rule after the architecture's parties. */
    private static final class Flows {
        private final String kafka;
        private final String database;

        Flows(Manifests rendered) {
            this.kafka = rendered.ofKind("Kafka").findFirst().orElseThrow().name();
            this.database = rendered.ofKind("Cluster").findFirst().orElseThrow().name();
        }

        java.util.Optional<String> classify(String where, List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports, List<String> problems) {
            if (peers == null || peers.isEmpty()) {
                problems.add(where + ": a rule without peers allows every destination");
                return java.util.Optional.empty();
            }
            if (ports == null || ports.isEmpty()) {
                problems.add(where + ": a rule without ports allows every port");
                return java.util.Optional.empty();
            }
            Set<String> names = new TreeSet<>();
            for (NetworkPolicyPeer peer : peers) {
                names.add(name(peer, ports));
            }
            if (names.size() != 1 || names.contains("unexpected")) {
                problems.add(where + ": unexpected peers " + peers + " ports " + ports);
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(names.iterator().next());
        }

        java.util.Optional<String> classifyIngress(String where, List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports, int httpPort, List<String> problems) {
            if (peers == null || peers.isEmpty() || ports == null || ports.isEmpty()) {
                problems.add(where + ": an ingress rule must name its peers and ports");
                return java.util.Optional.empty();
            }
            boolean controller = peers.stream().allMatch(p -> p.getNamespaceSelector() != null && p.getIpBlock() == null
                    && namespaceName(p.getNamespaceSelector()) != null);
            boolean http = ports.stream().allMatch(p -> "TCP".equals(p.getProtocol()) && p.getPort().getIntVal() != null && p.getPort().getIntVal() == httpPort);
            if (controller && http) {
                return java.util.Optional.of("ingress-controller");
            }
            problems.add(where + ": unexpected ingress from " + peers + " on " + ports);
            return java.util.Optional.empty();
        }

        private String name(NetworkPolicyPeer peer, List<NetworkPolicyPort> ports) {
            if (peer.getIpBlock() != null) {
                return "unexpected";
            }
            Map<String, String> pods = peer.getPodSelector() == null || peer.getPodSelector().getMatchLabels() == null
                    ? Map.of() : peer.getPodSelector().getMatchLabels();
            String namespace = peer.getNamespaceSelector() == null ? "" : namespaceName(peer.getNamespaceSelector());
            Set<String> portSet = new TreeSet<>();
            ports.forEach(p -> portSet.add(p.getProtocol() + "/" + p.getPort().getIntVal()));
            if ("kube-system".equals(namespace) && "kube-dns".equals(pods.get("k8s-app"))
                    && portSet.equals(Set.of("UDP/53", "TCP/53"))) {
                return "dns";
            }
            if (namespace.isEmpty() && kafka.equals(pods.get("strimzi.io/cluster")) && "true".equals(pods.get("strimzi.io/broker-role"))
                    && portSet.equals(Set.of("TCP/9092"))) {
                return "kafka";
            }
            if (namespace.isEmpty() && database.equals(pods.get("cnpg.io/cluster")) && portSet.equals(Set.of("TCP/5432"))) {
                return "postgres";
            }
            return "unexpected";
        }

        private static String namespaceName(LabelSelector selector) {
            return selector.getMatchLabels() == null ? null : selector.getMatchLabels().get("kubernetes.io/metadata.name");
        }
    }
}
