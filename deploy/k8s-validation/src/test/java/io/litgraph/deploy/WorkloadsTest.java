package io.litgraph.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deployments, Services and PodDisruptionBudgets of the three services, per overlay. */
class WorkloadsTest {

    static Stream<String> overlays() {
        return Deploy.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void exactlyTheThreeServicesAreDeployed(String overlay) {
        List<String> names = Deploy.render(overlay).objects(Deployment.class).stream()
                .map(d -> d.getMetadata().getName()).sorted().toList();
        assertEquals(Deploy.SERVICES.stream().sorted().toList(), names);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeploymentProbesQuarkusHealthOnItsHttpPort(String overlay) {
        for (Deployment deployment : Deploy.render(overlay).objects(Deployment.class)) {
            Container app = appContainer(deployment);
            String port = "http";
            assertTrue(app.getPorts().stream().anyMatch(p -> port.equals(p.getName())), deployment.getMetadata().getName() + " names its port http");
            assertHealthProbe(deployment, "startup", app.getStartupProbe(), "/q/health/started", port);
            assertHealthProbe(deployment, "liveness", app.getLivenessProbe(), "/q/health/live", port);
            assertHealthProbe(deployment, "readiness", app.getReadinessProbe(), "/q/health/ready", port);
        }
    }

    private static void assertHealthProbe(Deployment deployment, String which, Probe probe, String path, String port) {
        String where = deployment.getMetadata().getName() + " " + which + " probe";
        assertNotNull(probe, where + " missing");
        assertNotNull(probe.getHttpGet(), where + " is not an HTTP probe");
        assertEquals(path, probe.getHttpGet().getPath(), where);
        assertEquals(port, probe.getHttpGet().getPort().getStrVal(), where + " port");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerHasRequestsAndLimitsForCpuAndMemory(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : Deploy.render(overlay).objects(Deployment.class)) {
            for (Container container : allContainers(deployment.getSpec().getTemplate().getSpec())) {
                String where = deployment.getMetadata().getName() + "/" + container.getName();
                ResourceRequirements resources = container.getResources();
                if (resources == null) {
                    problems.add(where + ": no resources");
                    continue;
                }
                for (String resource : List.of("cpu", "memory")) {
                    Quantity request = resources.getRequests() == null ? null : resources.getRequests().get(resource);
                    Quantity limit = resources.getLimits() == null ? null : resources.getLimits().get(resource);
                    if (request == null || limit == null) {
                        problems.add(where + ": " + resource + " request and limit required");
                    } else if (Quantity.getAmountInBytes(request).compareTo(Quantity.getAmountInBytes(limit)) > 0) {
                        problems.add(where + ": " + resource + " request " + request + " above limit " + limit);
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyPodRunsAsNonRootWithAReadOnlyRootFilesystemAndATmpEmptyDir(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : Deploy.render(overlay).objects(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            PodSecurityContext podContext = pod.getSecurityContext();
            if (podContext == null || !Boolean.TRUE.equals(podContext.getRunAsNonRoot())
                    || podContext.getRunAsUser() == null || podContext.getRunAsUser() == 0) {
                problems.add(name + ": pod must set runAsNonRoot: true and a non-zero runAsUser");
            }
            if (podContext == null || podContext.getSeccompProfile() == null
                    || !"RuntimeDefault".equals(podContext.getSeccompProfile().getType())) {
                problems.add(name + ": pod must use the RuntimeDefault seccomp profile");
            }
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                problems.add(name + ": the services do not call the Kubernetes API; do not mount a token");
            }
            for (Container container : allContainers(pod)) {
                String where = name + "/" + container.getName();
                SecurityContext context = container.getSecurityContext();
                if (context == null) {
                    problems.add(where + ": no securityContext");
                    continue;
                }
                if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
                    problems.add(where + ": allowPrivilegeEscalation must be false");
                }
                if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
                    problems.add(where + ": readOnlyRootFilesystem must be true");
                }
                if (Boolean.TRUE.equals(context.getPrivileged())) {
                    problems.add(where + ": privileged");
                }
                if (context.getRunAsUser() != null && context.getRunAsUser() == 0) {
                    problems.add(where + ": runs as root");
                }
                if (context.getCapabilities() == null || context.getCapabilities().getDrop() == null
                        || !context.getCapabilities().getDrop().contains("ALL")) {
                    problems.add(where + ": must drop ALL capabilities");
                }
            }
            Container app = appContainer(deployment);
            VolumeMount tmp = app.getVolumeMounts().stream().filter(m -> "/tmp".equals(m.getMountPath())).findFirst().orElse(null);
            if (tmp == null) {
                problems.add(name + ": /tmp must be writable (emptyDir) with a read-only root filesystem");
            } else {
                Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst().orElse(null);
                if (volume == null || volume.getEmptyDir() == null) {
                    problems.add(name + ": /tmp is not an emptyDir");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void imagesAndPortsAgreeWithTheServices(String overlay) {
        Manifests rendered = Deploy.render(overlay);
        for (String service : Deploy.SERVICES) {
            Deployment deployment = rendered.find(Deployment.class, service).orElseThrow();
            Container app = appContainer(deployment);
            assertEquals(service, app.getName());
            String image = app.getImage();
            String repository = image.substring(0, image.lastIndexOf(':'));
            assertEquals(service, repository.substring(repository.lastIndexOf('/') + 1), "image of " + service + ": " + image);
            String tag = image.substring(image.lastIndexOf(':') + 1);
            assertFalse(tag.isBlank() || tag.equals("latest"), service + " image needs a real tag: " + image);

            int port = Deploy.module(service).httpPort();
            List<Integer> containerPorts = app.getPorts().stream().map(ContainerPort::getContainerPort).toList();
            assertEquals(List.of(port), containerPorts, service + " listens on quarkus.http.port");

            Service svc = rendered.find(Service.class, service).orElseThrow(() -> new AssertionError("no Service " + service));
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertTrue(podLabels.entrySet().containsAll(svc.getSpec().getSelector().entrySet()),
                    "Service " + service + " selects its pods");
            ServicePort servicePort = svc.getSpec().getPorts().get(0);
            assertEquals("http", servicePort.getName());
            assertEquals("http", servicePort.getTargetPort().getStrVal());
            assertEquals(port, servicePort.getPort());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyImageHasAPinnedTag(String overlay) {
        for (Deployment deployment : Deploy.render(overlay).objects(Deployment.class)) {
            for (Container container : allContainers(deployment.getSpec().getTemplate().getSpec())) {
                String image = container.getImage();
                int colon = image.lastIndexOf(':');
                assertTrue(colon > image.lastIndexOf('/'), container.getName() + " image has a tag: " + image);
                assertNotEquals("latest", image.substring(colon + 1), container.getName() + ": " + image);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeploymentHasADisruptionBudgetThatLetsANodeDrain(String overlay) {
        Manifests rendered = Deploy.render(overlay);
        for (Deployment deployment : rendered.objects(Deployment.class)) {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<PodDisruptionBudget> budgets = rendered.objects(PodDisruptionBudget.class).stream()
                    .filter(pdb -> Deploy.selects(pdb.getSpec().getSelector(), labels)).toList();
            assertEquals(1, budgets.size(), deployment.getMetadata().getName() + " has one PodDisruptionBudget");
            PodDisruptionBudget budget = budgets.get(0);
            // minAvailable equal to the replica count would block every drain; maxUnavailable >= 1 never does
            assertNotNull(budget.getSpec().getMaxUnavailable(), budget.getMetadata().getName() + " uses maxUnavailable");
            assertNotEquals(0, budget.getSpec().getMaxUnavailable().getIntVal(), budget.getMetadata().getName());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void rollingUpdatesNeverDropBelowTheCurrentReplicas(String overlay) {
        for (Deployment deployment : Deploy.render(overlay).objects(Deployment.class)) {
            var strategy = deployment.getSpec().getStrategy();
            assertEquals("RollingUpdate", strategy.getType(), deployment.getMetadata().getName());
            assertEquals(0, strategy.getRollingUpdate().getMaxUnavailable().getIntVal(), deployment.getMetadata().getName());
        }
    }

    static Container appContainer(Deployment deployment) {
        String name = deployment.getMetadata().getName();
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " has no container named " + name));
    }

    static List<Container> allContainers(PodSpec pod) {
        List<Container> all = new ArrayList<>(pod.getContainers());
        if (pod.getInitContainers() != null) {
            all.addAll(pod.getInitContainers());
        }
        return all;
    }
}
