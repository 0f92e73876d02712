package io.litgraph.query.service;

import io.litgraph.query.config.QueryConfig;
import io.litgraph.query.model.PathResult;
import io.litgraph.query.model.PathResult.ConceptRef;
import io.litgraph.query.model.PathResult.Hop;
import io.litgraph.query.model.PathResult.HopRelation;
import io.litgraph.query.model.RelationEvidence;
import io.litgraph.query.repository.GraphQueries;
import io.litgraph.query.repository.GraphQueries.ConceptRow;
import io.litgraph.query.repository.GraphQueries.RelationKey;
import io.litgraph.query.service.RelationGraph.Arc;
import io.litgraph.query.service.RelationGraph.Expansion;
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
 * reports the relation's own direction). Only relations with belief at least the request's minBelief
 * are walked. A path's belief is the product of its hops' beliefs (a hop's belief: the highest of its
 * relations'), the chance that every link holds if they hold independently; paths are ranked by it, so
 * that a longer chain must be made of surer links to outrank a shorter one. Bounded three ways: the hop
 * count, the fan-out expanded per node (highest belief first) and a time budget. The search expands from {@code from} and looks
 * up which reached nodes touch {@code to} directly, so a hub target costs no fan-out. The walk runs on
 * the in-memory {@link RelationGraph}; only names and evidence sentences are read from the database,
 * in one statement each.
 */
@ApplicationScoped
public class PathService {

    private final GraphQueries graph;
    private final RelationGraphCache snapshots;
    private final QueryConfig config;

    public PathService(GraphQueries graph, RelationGraphCache snapshots, QueryConfig config) {
        this.graph = graph;
        this.snapshots = snapshots;
        this.config = config;
    }

    private record Candidate(List<String> nodes, List<List<Arc>> hops, double belief, int support, int total) {
    }

    public PathResult find(ConceptRow from, ConceptRow to, int maxHops, int limit, int minDocs, double minBelief,
                           String relationType) {
        long deadline = System.nanoTime() + config.paths().timeBudget().toNanos();
        int fanOut = config.paths().fanOut();
        RelationGraph relations = snapshots.current();

        Expansion start = relations.expand(from.id(), minDocs, minBelief, relationType, fanOut);
        boolean truncated = start.cut();
        Map<String, List<Arc>> first = start.byNeighbour();
        Map<String, Map<String, List<Arc>>> second = new HashMap<>();
        Set<String> frontier = new LinkedHashSet<>(first.keySet());
        frontier.remove(to.id());
        if (maxHops >= 3) {
            for (String node : frontier) {
                if (System.nanoTime() > deadline) {
                    truncated = true;
                    break;
                }
                Expansion e = relations.expand(node, minDocs, minBelief, relationType, fanOut);
                truncated |= e.cut();
                second.put(node, e.byNeighbour());
            }
        }
        Map<String, List<Arc>> intoTarget = relations.all(to.id(), minDocs, minBelief, relationType);

        List<Candidate> candidates = new ArrayList<>();
        if (intoTarget.containsKey(from.id())) {
            candidates.add(candidate(List.of(from.id(), to.id()), List.of(intoTarget.get(from.id()))));
        }
        if (maxHops >= 2) {
            for (String mid : frontier) {
                if (intoTarget.containsKey(mid)) {
                    candidates.add(candidate(List.of(from.id(), mid, to.id()), List.of(first.get(mid), intoTarget.get(mid))));
                }
            }
        }
        if (maxHops >= 3) {
            for (String m1 : frontier) {
                for (Map.Entry<String, List<Arc>> b : second.getOrDefault(m1, Map.of()).entrySet()) {
                    String m2 = b.getKey();
                    if (m2.equals(from.id()) || m2.equals(to.id()) || !intoTarget.containsKey(m2)) {
                        continue;
                    }
                    candidates.add(candidate(List.of(from.id(), m1, m2, to.id()),
                            List.of(first.get(m1), b.getValue(), intoTarget.get(m2))));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::belief).reversed()
                .thenComparingInt(c -> c.nodes().size())
                .thenComparing(Comparator.comparingInt(Candidate::support).reversed())
                .thenComparing(Comparator.comparingInt(Candidate::total).reversed())
                .thenComparing(c -> String.join(">", c.nodes())));
        List<Candidate> best = candidates.stream().limit(limit).toList();
        return new PathResult(from.id(), to.id(), maxHops, limit, minBelief,
                truncated || System.nanoTime() > deadline, describe(best));
    }

    /** Names and evidence for the chosen paths: one query for the concepts, one for every hop's sentences. */
    private List<PathResult.Path> describe(List<Candidate> best) {
        Set<String> ids = new LinkedHashSet<>();
        best.forEach(c -> ids.addAll(c.nodes()));
        Map<String, ConceptRow> concepts = graph.concepts(List.copyOf(ids));
        Map<RelationKey, Integer> keys = new LinkedHashMap<>();
        best.forEach(c -> c.hops().forEach(hop -> hop.forEach(a ->
                keys.putIfAbsent(new RelationKey(a.subjectId(), a.objectId(), a.type()), keys.size()))));
        int perHop = config.paths().evidencePerHop();
        List<List<RelationEvidence>> sentences = graph.relationEvidence(List.copyOf(keys.keySet()), perHop);
        List<PathResult.Path> out = new ArrayList<>();
        for (Candidate c : best) {
            List<Hop> hops = new ArrayList<>();
            for (int i = 0; i < c.hops().size(); i++) {
                List<Arc> arcs = c.hops().get(i);
                List<HopRelation> relations = arcs.stream().map(a -> new HopRelation(a.type(), a.subjectId(),
                        a.objectId(), a.directed(), a.documents(), a.belief())).toList();
                // the hop's relations are highest belief first: their sentences come in that order
                List<RelationEvidence> evidence = arcs.stream()
                        .flatMap(a -> sentences.get(keys.get(new RelationKey(a.subjectId(), a.objectId(), a.type()))).stream())
                        .limit(perHop).toList();
                hops.add(new Hop(ref(concepts, c.nodes().get(i)), ref(concepts, c.nodes().get(i + 1)), relations, evidence));
            }
            out.add(new PathResult.Path(c.nodes(), hops, round(c.belief()), c.support()));
        }
        return out;
    }

    private static ConceptRef ref(Map<String, ConceptRow> concepts, String id) {
        ConceptRow c = concepts.get(id);
        return c == null ? new ConceptRef(id, id, null) : new ConceptRef(id, c.name(), c.type());
    }

    private static Candidate candidate(List<String> nodes, List<List<Arc>> hops) {
        int support = Integer.MAX_VALUE;
        int total = 0;
        double belief = 1;
        for (List<Arc> hop : hops) {
            int best = hop.stream().mapToInt(Arc::documents).max().orElse(0);
            support = Math.min(support, best);
            total += best;
            belief *= hop.stream().mapToDouble(Arc::belief).max().orElse(0);
        }
        return new Candidate(nodes, hops, belief, support, total);
    }

    private static double round(double v) {
        return Math.round(v * 1_000_000) / 1_000_000.0;
    }
}
