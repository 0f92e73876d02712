package io.litgraph.cli.summary;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Counts over document details as the query API returns them. */
final class Tally {
    private int documents;
    private final Map<String, Integer> mentionsByType = new TreeMap<>();
    private final Map<String, Integer> conceptDocuments = new HashMap<>();
    private final Map<String, String> conceptLabels = new HashMap<>();
    private final Map<String, Integer> relationDocuments = new HashMap<>();
    private int relations;

    void add(JsonNode document) {
        documents++;
        for (JsonNode m : document.path("mentions")) {
            mentionsByType.merge(m.path("type").asText(), 1, Integer::sum);
        }
        for (JsonNode c : document.path("concepts")) {
            String id = c.path("id").asText();
            conceptDocuments.merge(id, 1, Integer::sum);
            conceptLabels.putIfAbsent(id, c.path("name").asText() + " (" + c.path("type").asText() + ")");
        }
        java.util.Set<String> pairs = new java.util.HashSet<>();
        for (JsonNode r : document.path("relations")) {
            relations++;
            pairs.add(label(r.path("subjectId").asText()) + " —" + r.path("type").asText() + "→ " + label(r.path("objectId").asText()));
        }
        pairs.forEach(p -> relationDocuments.merge(p, 1, Integer::sum));
    }

    private String label(String id) {
        String l = conceptLabels.get(id);
        return l == null ? id : l.substring(0, l.lastIndexOf(" (")) + " [" + id + "]";
    }

    Optional<String> topConceptId() {
        return conceptDocuments.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    void print(PrintWriter out) {
        int mentions = mentionsByType.values().stream().mapToInt(Integer::intValue).sum();
        out.printf("%n%d documents, %d entity mentions, %d concepts, %d relations%n", documents, mentions,
                conceptDocuments.size(), relations);
        out.println("Mentions by type:");
        mentionsByType.forEach((type, n) -> out.printf("  %-28s %6d%n", type, n));
        out.println("Top concepts (documents):");
        top(conceptDocuments, 10).forEach(e -> out.printf("  %3d  %-16s %s%n", e.getValue(), e.getKey(), conceptLabels.get(e.getKey())));
        out.println("Top relations (documents):");
        top(relationDocuments, 8).forEach(e -> out.printf("  %3d  %s%n", e.getValue(), e.getKey()));
    }

    private static java.util.List<Map.Entry<String, Integer>> top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(n).toList();
    }
}
