package io.litgraph.query.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A concept linked to the queried one. {@code cooccurrence}: documents in which both are mentioned
 * (affirmed mentions only) with pointwise mutual information and Dunning's log-likelihood ratio against
 * corpus frequency; {@code relations}: extracted relations by type and direction, each with its belief
 * (those below the request's minBelief left out); {@code belief}: the highest of them, absent when none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Neighbor(String id, String type, String name, int documentCount, Cooccurrence cooccurrence,
                       List<RelationSupport> relations, Double belief, double score) {

    public record Cooccurrence(int documents, double pmi, double llr) {
    }

    /** @param direction outgoing (queried concept is subject), incoming, or undirected */
    public record RelationSupport(String type, String direction, int documents, int evidence, int negatedDocuments,
                                  double belief) {
    }
}
