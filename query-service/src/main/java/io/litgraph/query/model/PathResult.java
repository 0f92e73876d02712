package io.litgraph.query.model;

import java.util.List;

/**
 * Chains of extracted relations from one concept to another, over relations of belief at least
 * {@code minBelief}. {@code truncated}: the search hit its fan-out or time bound, so better paths may exist.
 */
public record PathResult(String from, String to, int maxHops, int limit, double minBelief, boolean truncated,
                         List<Path> paths) {

    /**
     * @param belief  the product of the hops' beliefs (a hop's: its best relation's), the ranking
     * @param support the weakest hop's document count
     */
    public record Path(List<String> concepts, List<Hop> hops, double belief, int support) {
    }

    public record Hop(ConceptRef from, ConceptRef to, List<HopRelation> relations, List<RelationEvidence> evidence) {
    }

    public record ConceptRef(String id, String name, String type) {
    }

    /** @param subjectId the relation's own direction, which may run against the path */
    public record HopRelation(String type, String subjectId, String objectId, boolean directed, int documents,
                              double belief) {
    }
}
