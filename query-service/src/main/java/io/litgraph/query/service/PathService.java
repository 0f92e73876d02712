package io.litgraph.query.service;

import io.litgraph.query.config.QueryConfig;
import io.litgraph.query.model.PathResult;
import io.litgraph.query.model.PathResult.ConceptRef;
import io.litgraph.query.model.PathResult.Hop;
import io.litgraph.query.model.PathResult.HopRelation;
import io.litgraph.query.model.RelationEvidence;
import io.litgraph.query.repository.GraphQueries;
import io.litgraph.query.repository.GraphQueries.ConceptRow;
import io.litgraph.query.repository.GraphQueries.Edge;
import io.litgraph.query.repository.GraphQueries.KeyedEvidence;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds chains of extracted relations (affirmed evidence only) linking two concepts, at most three hops.
 * The relation graph is walked as undirected (a relation is evidence of a link either way; each hop
 * reports the relation's own direction). Bounded three ways: the hop count, the fan-out expanded per
 * node (best-supported edges first) and a time budget. The search expands from {@code from} and asks
 * the database directly which frontier nodes touch {@code to}, so a hub target costs no fan-out.
 */
@ApplicationScoped
public class PathService {

    private final GraphQueries graph;
    private final QueryConfig config;

    public PathService(GraphQueries graph, QueryConfig config) {
        this.graph = graph;
        this.config = config;
    }

    private record Candidate(List<String> nodes, List<List<Edge>> hops, int support, int total) {
    }

    public PathResult find(ConceptRow from, ConceptRow to, int maxHops, int limit, int minDocs, String relationType) {
        long deadline = System.nanoTime() + config.paths().timeBudget().toNanos();
        int fanOut = config.paths().fanOut();
        boolean truncated = false;

        Map<String, Map<String, List<Edge>>> adjacency = new HashMap<>();
        Map<String, List<Edge>> first = group(graph.edges(List.of(from.id()), minDocs, fanOut, relationType)).getOrDefault(from.id(), Map.of());
        truncated |= edgeCount(first) >= fanOut;
        adjacency.put(from.id(), first);

        Set<String> frontier = new LinkedHashSet<>(first.keySet());
        frontier.remove(to.id());
        if (maxHops >= 3 && !frontier.isEmpty() && System.nanoTime() < deadline) {
            Map<String, Map<String, List<Edge>>> second = group(graph.edges(List.copyOf(frontier), minDocs, fanOut, relationType));
            for (String node : frontier) {
                Map<String, List<Edge>> edges = second.getOrDefault(node, Map.of());
                truncated |= edgeCount(edges) >= fanOut;
                adjacency.put(node, edges);
            }
        } else if (maxHops >= 3) {
            truncated |= !frontier.isEmpty();
        }

        Set<String> reachable = new LinkedHashSet<>();
        reachable.add(from.id());
        if (maxHops >= 2) {
            reachable.addAll(frontier);
        }
        if (maxHops >= 3) {
            frontier.forEach(n -> reachable.addAll(adjacency.getOrDefault(n, Map.of()).keySet()));
        }
        reachable.remove(to.id());
        Map<String, List<Edge>> intoTarget = new HashMap<>();
        if (System.nanoTime() < deadline) {
            for (Edge e : graph.edgesTo(List.copyOf(reachable), to.id(), minDocs, relationType)) {
                intoTarget.computeIfAbsent(e.node(), k -> new ArrayList<>()).add(e);
            }
        } else {
            truncated = true;
        }

        List<Candidate> candidates = new ArrayList<>();
        if (intoTarget.containsKey(from.id())) {
            candidates.add(candidate(List.of(from.id(), to.id()), List.of(intoTarget.get(from.id()))));
        }
        if (maxHops >= 2) {
            for (Map.Entry<String, List<Edge>> a : first.entrySet()) {
                String mid = a.getKey();
                if (!mid.equals(to.id()) && intoTarget.containsKey(mid)) {
                    candidates.add(candidate(List.of(from.id(), mid, to.id()), List.of(a.getValue(), intoTarget.get(mid))));
                }
            }
        }
        if (maxHops >= 3) {
            for (Map.Entry<String, List<Edge>> a : first.entrySet()) {
                String m1 = a.getKey();
                if (m1.equals(to.id())) {
                    continue;
                }
                for (Map.Entry<String, List<Edge>> b : adjacency.getOrDefault(m1, Map.of()).entrySet()) {
                    String m2 = b.getKey();
                    if (m2.equals(from.id()) || m2.equals(to.id()) || m2.equals(m1) || !intoTarget.containsKey(m2)) {
                        continue;
                    }
                    candidates.add(candidate(List.of(from.id(), m1, m2, to.id()),
                            List.of(a.getValue(), b.getValue(), intoTarget.get(m2))));
                }
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::support).reversed()
                .thenComparingInt(c -> c.nodes().size())
                .thenComparing(Comparator.comparingInt(Candidate::total).reversed())
                .thenComparing(c -> String.join(">", c.nodes())));
        List<Candidate> best = candidates.stream().limit(limit).toList();
        return new PathResult(from.id(), to.id(), maxHops, limit, truncated || System.nanoTime() > deadline,
                describe(best));
    }

    private List<PathResult.Path> describe(List<Candidate> best) {
        Set<String> ids = new LinkedHashSet<>();
        best.forEach(c -> ids.addAll(c.nodes()));
        Map<String, ConceptRow> concepts = graph.concepts(List.copyOf(ids));
        Map<String, List<RelationEvidence>> evidenceCache = new HashMap<>();
        int perHop = config.paths().evidencePerHop();
        List<PathResult.Path> out = new ArrayList<>();
        for (Candidate c : best) {
            List<Hop> hops = new ArrayList<>();
            for (int i = 0; i < c.hops().size(); i++) {
                String a = c.nodes().get(i);
                String b = c.nodes().get(i + 1);
                List<HopRelation> relations = c.hops().get(i).stream().map(e -> new HopRelation(e.type(), e.subjectId(),
                        e.objectId(), e.directed(), e.documents())).toList();
                List<RelationEvidence> evidence = evidenceCache.computeIfAbsent(a + "\u0000" + b, k -> evidence(a, b, perHop));
                hops.add(new Hop(ref(concepts, a), ref(concepts, b), relations, evidence));
            }
            out.add(new PathResult.Path(c.nodes(), hops, c.support()));
        }
        return out;
    }

    /** Affirmed evidence sentences for a hop, whichever way round the relations run. */
    private List<RelationEvidence> evidence(String a, String b, int perHop) {
        List<RelationEvidence> out = new ArrayList<>();
        graph.evidence(a, b, null, false, null, perHop).stream().map(KeyedEvidence::evidence).forEach(out::add);
        if (out.size() < perHop) {
            graph.evidence(b, a, null, false, null, perHop).stream().map(KeyedEvidence::evidence)
                    .filter(e -> e.directed()).forEach(out::add);
        }
        return out.stream().limit(perHop).toList();
    }

    private static ConceptRef ref(Map<String, ConceptRow> concepts, String id) {
        ConceptRow c = concepts.get(id);
        return c == null ? new ConceptRef(id, id, null) : new ConceptRef(id, c.name(), c.type());
    }

    private static Candidate candidate(List<String> nodes, List<List<Edge>> hops) {
        int support = Integer.MAX_VALUE;
        int total = 0;
        for (List<Edge> hop : hops) {
            int best = hop.stream().mapToInt(Edge::documents).max().orElse(0);
            support = Math.min(support, best);
            total += best;
        }
        return new Candidate(nodes, hops, support, total);
    }

    private static Map<String, Map<String, List<Edge>>> group(List<Edge> edges) {
        Map<String, Map<String, List<Edge>>> out = new LinkedHashMap<>();
        for (Edge e : edges) {
            out.computeIfAbsent(e.node(), k -> new LinkedHashMap<>()).computeIfAbsent(e.other(), k -> new ArrayList<>()).add(e);
        }
        return out;
    }

    private static int edgeCount(Map<String, List<Edge>> edges) {
        return edges.values().stream().mapToInt(List::size).sum();
    }
}
