package io.litgraph.query.service;

import io.litgraph.query.repository.GraphQueries.SummaryRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable in-memory copy of the relation graph (every relation summary with affirmed support),
 * each concept's edges sorted highest belief first (then most documents), so that a path search is a few map lookups
 * instead of a database round trip per hop.
 */
public final class RelationGraph {

    /** A relation seen from one of its ends: {@code other} is the far end; subject/object keep its direction. */
    public record Arc(String other, String type, String subjectId, String objectId, boolean directed, int documents,
                      double belief) {
    }

    /** The arcs expanded from one concept, grouped by neighbour; {@code cut}: more qualified than the fan-out. */
    public record Expansion(Map<String, List<Arc>> byNeighbour, boolean cut) {
    }

    private static final Arc[] NONE = new Arc[0];
    private static final Comparator<Arc> BEST_FIRST = Comparator.comparingDouble(Arc::belief).reversed()
            .thenComparing(Comparator.comparingInt(Arc::documents).reversed())
            .thenComparing(Arc::other).thenComparing(Arc::type);

    private final Map<String, Arc[]> arcs;
    private final int relations;

    private RelationGraph(Map<String, Arc[]> arcs, int relations) {
        this.arcs = arcs;
        this.relations = relations;
    }

    public static RelationGraph of(List<SummaryRow> rows) {
        // ids repeat in every row that touches the concept: share one String per id
        Map<String, String> ids = new HashMap<>();
        Map<String, List<Arc>> lists = new HashMap<>();
        for (SummaryRow r : rows) {
            String s = ids.computeIfAbsent(r.subjectId(), k -> k);
            String o = ids.computeIfAbsent(r.objectId(), k -> k);
            String type = ids.computeIfAbsent(r.type(), k -> k);
            if (s.equals(o)) {
                continue;
            }
            lists.computeIfAbsent(s, k -> new ArrayList<>()).add(new Arc(o, type, s, o, r.directed(), r.documents(), r.belief()));
            lists.computeIfAbsent(o, k -> new ArrayList<>()).add(new Arc(s, type, s, o, r.directed(), r.documents(), r.belief()));
        }
        Map<String, Arc[]> arcs = new HashMap<>(lists.size() * 2);
        lists.forEach((node, list) -> {
            Arc[] sorted = list.toArray(NONE);
            java.util.Arrays.sort(sorted, BEST_FIRST);
            arcs.put(node, sorted);
        });
        return new RelationGraph(arcs, rows.size());
    }

    public int relations() {
        return relations;
    }

    /**
     * The {@code fanOut} arcs of highest belief of {@code node} with belief at least {@code minBelief} and
     * at least {@code minDocs} documents (and of {@code relationType} when given), grouped by neighbour in
     * that order.
     */
    public Expansion expand(String node, int minDocs, double minBelief, String relationType, int fanOut) {
        Map<String, List<Arc>> out = new LinkedHashMap<>();
        int taken = 0;
        for (Arc a : arcs.getOrDefault(node, NONE)) {
            if (a.belief() < minBelief) {
                break;
            }
            if (a.documents() < minDocs || (relationType != null && !relationType.equals(a.type()))) {
                continue;
            }
            if (taken == fanOut) {
                return new Expansion(out, true);
            }
            out.computeIfAbsent(a.other(), k -> new ArrayList<>()).add(a);
            taken++;
        }
        return new Expansion(out, false);
    }

    /**
     * Every qualifying arc of {@code node}, grouped by neighbour, without a fan-out bound: the target side
     * of a search, where only the neighbours the search already reached are looked up.
     */
    public Map<String, List<Arc>> all(String node, int minDocs, double minBelief, String relationType) {
        return expand(node, minDocs, minBelief, relationType, Integer.MAX_VALUE).byNeighbour();
    }
}
