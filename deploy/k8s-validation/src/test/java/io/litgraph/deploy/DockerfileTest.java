package io.litgraph.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each service's image: Quarkus fast-jar layout on a maintained JRE, built by Maven, run as non-root. */
class DockerfileTest {

    static Stream<String> services() {
        return Deploy.SERVICES.stream();
    }

    @ParameterizedTest
    @MethodSource("services")
    void copiesTheFastJarLayoutBuiltByMaven(String service) throws IOException {
        List<String> instructions = instructions(Deploy.repoRoot().resolve(service).resolve("src/main/docker/Dockerfile.jvm"));
        List<String> copies = instructions.stream().filter(i -> i.startsWith("COPY ")).toList();
        for (String part : List.of("target/quarkus-app/lib/", "target/quarkus-app/app/", "target/quarkus-app/quarkus/", "target/quarkus-app/*.jar")) {
            assertTrue(copies.stream().anyMatch(c -> c.contains(part)), service + " copies " + part);
        }
        assertTrue(instructions.stream().noneMatch(i -> i.startsWith("RUN ") && i.contains("mvn")),
                "the image build only copies what Maven built");
        assertTrue(instructions.stream().anyMatch(i -> i.contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"")
                || i.contains("/deployments/quarkus-run.jar")), service + " runs quarkus-run.jar");
    }

    @ParameterizedTest
    @MethodSource("services")
    void runsAsANonRootUserOnAMaintainedJre17(String service) throws IOException {
        List<String> instructions = instructions(Deploy.repoRoot().resolve(service).resolve("src/main/docker/Dockerfile.jvm"));
        String base = String.join("\n", instructions.stream().filter(i -> i.startsWith("ARG BASE_IMAGE") || i.startsWith("FROM ")).toList());
        assertTrue(base.contains("ubi9/openjdk-17-runtime") || base.contains("eclipse-temurin:17-jre"), service + " base: " + base);
        assertNonRootUser(instructions, service);
        int port = Deploy.module(service).httpPort();
        assertTrue(instructions.contains("EXPOSE " + port), service + " exposes quarkus.http.port " + port);
    }

    @org.junit.jupiter.api.Test
    void theVocabularyImageRunsAsNonRootToo() throws IOException {
        List<String> instructions = instructions(Deploy.k8sDir().resolve("vocabulary/Dockerfile"));
        assertNonRootUser(instructions, "vocabulary");
        assertTrue(instructions.stream().anyMatch(i -> i.startsWith("COPY ") && i.contains("/vocabulary/litgraph-vocab.bin")));
    }

    private static void assertNonRootUser(List<String> instructions, String image) {
        List<String> users = instructions.stream().filter(i -> i.startsWith("USER ")).toList();
        assertFalse(users.isEmpty(), image + " sets a USER");
        String last = users.get(users.size() - 1).substring(5).strip().toLowerCase(Locale.ROOT);
        String user = last.split(":")[0];
        assertFalse(user.equals("root") || user.equals("0"), image + " runs as " + last);
        assertEquals(users.size() - 1, lastIndexOf(instructions, "USER "), "nothing after the last USER may switch back");
    }

    private static int lastIndexOf(List<String> instructions, String prefix) {
        int count = -1;
        for (String instruction : instructions) {
            if (instruction.startsWith(prefix)) {
                count++;
            }
        }
        return count;
    }

    /** Instructions with line continuations joined and comments dropped. */
    static List<String> instructions(Path dockerfile) throws IOException {
        assertTrue(Files.isRegularFile(dockerfile), dockerfile + " exists");
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(dockerfile)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            if (current.length() > 0) {
                result.add(current.toString().strip());
            }
            current.setLength(0);
        }
        return result;
    }
}
