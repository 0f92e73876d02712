package io.litgraph.query.service;

import io.litgraph.query.model.ConceptDetail;
import io.litgraph.query.model.Neighbor;
import io.litgraph.query.model.Neighbor.Cooccurrence;
import io.litgraph.query.model.Neighbor.RelationSupport;
import io.litgraph.query.model.NeighborPage;
import io.litgraph.query.repository.GraphQueries;
import io.litgraph.query.repository.GraphQueries.ConceptRow;
import io.litgraph.query.repository.GraphQueries.CooccurrenceRow;
import io.litgraph.query.repository.GraphQueries.RelationRow;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Concept pages and neighbourhoods, scored against corpus frequency. */
@ApplicationScoped
public class ConceptService {
    /** Co-occurrence candidates scored per request; the rest are too weakly linked to make a top list. */
    private static final int CANDIDATE_CAP = 2000;

    private final GraphQueries graph;

    public ConceptService(GraphQueries graph) {
        this.graph = graph;
    }

    public Optional<ConceptDetail> detail(String id, int relatedPerType) {
        return graph.concept(id).map(c -> new ConceptDetail(c.id(), c.type(), c.name(), CurieLinks.url(c.id()),
                graph.synonyms(id),
                (c.xrefs() == null ? List.<String>of() : c.xrefs()).stream()
                        .map(x -> new ConceptDetail.Xref(x, CurieLinks.url(x))).toList(),
                c.documentCount(), c.mentionCount(), graph.topRelated(id, relatedPerType)));
    }

    /**
     * Neighbours linked by a relation of belief at least {@code minBelief} come first, highest belief
     * first (the best of their relations), then those that only co-occur, by G².
     *
     * @param relationType only neighbours linked by an extracted relation of this type
     * @param minDocs      least supporting documents (co-occurrence, or the relation when one is asked for)
     * @param minBelief    relations of lower belief are left out
     */
    /**
     * A neighbour's place in the order: relation belief (-1 when none), relation documents, G², id. A
     * cursor holds the last one shown, so the next page starts after it even when neighbours were added
     * or removed in between.
     */
    public record NeighborKey(double belief, int relationDocuments, double score, String id) implements Comparable<NeighborKey> {
        private static final Comparator<NeighborKey> ORDER = Comparator.comparingDouble(NeighborKey::belief).reversed()
                .thenComparing(Comparator.comparingInt(NeighborKey::relationDocuments).reversed())
                .thenComparing(Comparator.comparingDouble(NeighborKey::score).reversed())
                .thenComparing(NeighborKey::id);

        @Override
        public int compareTo(NeighborKey other) {
            return ORDER.compare(this, other);
        }
    }

    /** One page of neighbours and the key of its last one, when more follow. */
    public record Neighbors(NeighborPage page, NeighborKey last) {
    }

    public NeighborPage neighbors(ConceptRow concept, String type, String relationType, int minDocs,
                                  boolean includeNegated, double minBelief, int limit) {
        return neighbors(concept, type, relationType, minDocs, includeNegated, minBelief, null, limit).page();
    }

    /** @param after only neighbours after this one in the order (a cursor), or null from the first */
    public Neighbors neighbors(ConceptRow concept, String type, String relationType, int minDocs,
                               boolean includeNegated, double minBelief, NeighborKey after, int limit) {
        int n = graph.corpusDocuments();
        Map<String, List<RelationSupport>> relations = new HashMap<>();
        Map<String, Integer> relationDocs = new HashMap<>();
        Map<String, Double> beliefs = new HashMap<>();
        for (RelationRow r : graph.relationsOf(concept.id(), relationType, minBelief)) {
            int docs = r.documents() + (includeNegated ? r.negatedDocuments() : 0);
            if (docs == 0) {
                continue;
            }
            String direction = !r.directed() ? "undirected" : r.outgoing() ? "outgoing" : "incoming";
            relations.computeIfAbsent(r.other(), k -> new ArrayList<>()).add(new RelationSupport(r.type(), direction,
                    docs, r.evidence() + (includeNegated ? r.negatedEvidence() : 0),
                    includeNegated ? r.negatedDocuments() : 0, r.belief()));
            relationDocs.merge(r.other(), docs, Math::max);
            beliefs.merge(r.other(), r.belief(), Math::max);
        }
        Map<String, CooccurrenceRow> cooccurring = new LinkedHashMap<>();
        for (CooccurrenceRow row : graph.cooccurring(concept.id(), type, relationType == null ? minDocs : 1, CANDIDATE_CAP)) {
            cooccurring.put(row.id(), row);
        }
        List<String> candidates = new ArrayList<>();
        if (relationType == null) {
            candidates.addAll(cooccurring.keySet());
        }
        relationDocs.forEach((other, docs) -> {
            if (docs >= minDocs && !candidates.contains(other)) {
                candidates.add(other);
            }
        });
        Map<String, ConceptRow> missing = graph.concepts(candidates.stream().filter(c -> !cooccurring.containsKey(c)).toList());
        List<Neighbor> out = new ArrayList<>();
        for (String other : candidates) {
            CooccurrenceRow co = cooccurring.get(other);
            ConceptRow row = co != null ? null : missing.get(other);
            String otherType = co != null ? co.type() : row == null ? null : row.type();
            if (otherType == null || (type != null && !type.equals(otherType))) {
                continue;
            }
            int otherDocs = co != null ? co.documentCount() : row.documentCount();
            int together = co == null ? 0 : co.together();
            double llr = Association.llr(together, concept.documentCount(), otherDocs, n);
            List<RelationSupport> rel = relations.getOrDefault(other, List.of());
            out.add(new Neighbor(other, otherType, co != null ? co.name() : row.name(), otherDocs,
                    new Cooccurrence(together, round(Association.pmi(together, concept.documentCount(), otherDocs, n)),
                            round(llr)),
                    rel.isEmpty() ? null : rel, rel.isEmpty() ? null : beliefs.get(other), round(llr)));
        }
        List<Map.Entry<NeighborKey, Neighbor>> keyed = new ArrayList<>();
        for (Neighbor x : out) {
            NeighborKey key = new NeighborKey(x.belief() == null ? -1 : x.belief(), relationDocs.getOrDefault(x.id(), 0),
                    x.score(), x.id());
            if (after == null || key.compareTo(after) > 0) {
                keyed.add(Map.entry(key, x));
            }
        }
        keyed.sort(Map.Entry.comparingByKey());
        List<Neighbor> page = keyed.stream().limit(limit).map(Map.Entry::getValue).toList();
        NeighborKey last = keyed.size() > limit ? keyed.get(limit - 1).getKey() : null;
        return new Neighbors(new NeighborPage(concept.id(), n, minBelief, page, limit, null), last);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
