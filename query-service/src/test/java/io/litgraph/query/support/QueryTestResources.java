package io.litgraph.query.support;

/** The topics and database role every query-service test runs against (kept in one place). */
public final class QueryTestResources {
    public static final String TOPICS = "litgraph.annotations.v1,litgraph.document-status.v1,litgraph.dead-letter.v1";
    public static final String ROLE = "litgraph_query";
    public static final String SCHEMA = "query";

    private QueryTestResources() {
    }
}
