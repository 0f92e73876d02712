package io.litgraph.query.model;

import java.util.List;

/**
 * Chains of extracted relations from one concept to another. {@code truncated}: the search hit its
 * fan-out or time bound, so better paths may exist.
 */
public record PathResult(String from, String to, int maxHops, int limit, boolean truncated, List<Path> paths) {

    /** @param support the weakest hop's document count: a chain is only as good as its weakest link */
    public record Path(List<String> concepts, List<Hop> hops, int support) {
    }

    public record Hop(ConceptRef from, ConceptRef to, List<HopRelation> relations, List<RelationEvidence> evidence) {
    }

    public record ConceptRef(String id, String name, String type) {
    }

    /** @param subjectId the relation's own direction, which may run against the path */
    public record HopRelation(String type, String subjectId, String objectId, boolean directed, int documents) {
    }
}
