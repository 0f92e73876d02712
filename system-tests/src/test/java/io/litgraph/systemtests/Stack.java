package io.litgraph.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A litgraph stack run through the real launcher, {@code bin/litgraph}, on ports and a database of its
 * own so that it can run beside a user's stack. Everything the launcher prints is kept for assertions.
 */
final class Stack {
    static final int INGEST_PORT = 18081;
    static final int ENTITY_PORT = 18082;
    static final int QUERY_PORT = 18083;

    final Path repo;
    final Path runDir;
    final Ports ports;

    /** Where a stack listens and which database it owns; two stacks with different ports run side by side. */
    record Ports(int ingest, int entity, int query, int kafka, int kafkaController, String database) {
        static final Ports SHARED = new Ports(INGEST_PORT, ENTITY_PORT, QUERY_PORT, 19092, 19093, "litgraph_e2e");

        String kafkaBootstrap() {
            return "127.0.0.1:" + kafka;
        }
    }

    Stack(Path repo, Path runDir) {
        this(repo, runDir, Ports.SHARED);
    }

    Stack(Path repo, Path runDir, Ports ports) {
        this.repo = repo;
        this.runDir = runDir;
        this.ports = ports;
    }

    static Path repoRoot() {
        // -Dlitgraph.home: run the launcher from a snapshot of the built repository (its services keep
        // running from jars that a concurrent build in the working tree would otherwise replace)
        String home = System.getProperty("litgraph.home");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("bin/litgraph"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("bin/litgraph not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("LITGRAPH_RUN_DIR", runDir.toString());
        env.put("LITGRAPH_INGEST_PORT", String.valueOf(ports.ingest()));
        env.put("LITGRAPH_ENTITY_PORT", String.valueOf(ports.entity()));
        env.put("LITGRAPH_QUERY_PORT", String.valueOf(ports.query()));
        env.put("LITGRAPH_KAFKA_PORT", String.valueOf(ports.kafka()));
        env.put("LITGRAPH_KAFKA_CONTROLLER_PORT", String.valueOf(ports.kafkaController()));
        env.put("LITGRAPH_DB", ports.database());
        // the reactor has just packaged everything; the launcher must not start a nested Maven build
        env.put("LITGRAPH_SKIP_BUILD", "1");
        return env;
    }

    Result run(long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(repo.resolve("bin/litgraph").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
        pb.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
        pb.environment().putAll(environment());
        Path log = Files.createTempFile("litgraph-" + args[0], ".log");
        pb.redirectOutput(log.toFile());
        Process process = pb.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/litgraph " + String.join(" ", args) + " did not finish in "
                    + timeoutSeconds + " s:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("---- bin/litgraph " + String.join(" ", args) + " (exit " + process.exitValue() + ")\n" + output);
        return new Result(process.exitValue(), output);
    }

    /** PIDs the launcher recorded for the processes it started. */
    List<Long> recordedPids() throws IOException {
        Path pids = runDir.resolve("pids");
        if (!Files.isDirectory(pids)) {
            return List.of();
        }
        try (var files = Files.list(pids)) {
            return files.filter(f -> f.toString().endsWith(".pid")).map(f -> {
                try {
                    return Long.parseLong(Files.readString(f).trim());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    record Result(int exitCode, String output) {
    }
}
