package io.litgraph.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with {@code kubectl kustomize}, the kustomize that ships with kubectl, so the
 * manifests are checked exactly as {@code kubectl apply -k} would build them.
 */
public final class Kustomize {
    private static final long TIMEOUT_SECONDS = 120;

    private Kustomize() {
    }

    /** The kubectl on the PATH, if any. */
    public static java.util.Optional<Path> kubectl() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }

    /** The rendered multi-document YAML of {@code dir}; fails with kubectl's own message on an error. */
    public static String render(Path dir) {
        Path kubectl = kubectl().orElseThrow(() -> new IllegalStateException("kubectl is not on the PATH"));
        ProcessBuilder builder = new ProcessBuilder(List.of(kubectl.toString(), "kustomize", dir.toString()));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            // read both streams concurrently so that a full pipe cannot stall kubectl
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + dir + " did not finish in " + TIMEOUT_SECONDS + "s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + err.join().strip());
            }
            return out.join();
        } catch (IOException e) {
            throw new IllegalStateException("could not run kubectl: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + dir, e);
        }
    }

    private static String readAll(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
