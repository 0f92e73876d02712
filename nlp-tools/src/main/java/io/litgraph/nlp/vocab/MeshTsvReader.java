package io.litgraph.nlp.vocab;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * MeSH descriptor TSV ({@code ID<TAB>name<TAB>entry terms separated by |}, no header), with tree numbers from a
 * separate TSV ({@code mesh_id<TAB>mesh_name<TAB>mesh_tree_number}, header, one row per tree number).
 */
public final class MeshTsvReader {

    private MeshTsvReader() {
    }

    public static Map<String, List<String>> treeNumbers(Path file) throws IOException {
        Map<String, List<String>> out = new HashMap<>();
        if (file == null || !Files.isRegularFile(file)) {
            return out;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t");
                if (f.length >= 3 && !f[0].equals("mesh_id")) {
                    out.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[2]);
                }
            }
        }
        return out;
    }

    public static void read(Path descriptors, Map<String, List<String>> trees, Consumer<MeshDescriptor> sink) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(descriptors, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t", -1);
                if (f.length < 2 || f[0].isBlank()) {
                    continue;
                }
                List<String> entries = f.length > 2 && !f[2].isBlank() ? Arrays.asList(f[2].split("\\|")) : List.of();
                sink.accept(new MeshDescriptor(f[0], f[1], entries, trees.getOrDefault(f[0], List.of())));
            }
        }
    }
}
