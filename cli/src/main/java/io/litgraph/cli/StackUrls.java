package io.litgraph.cli;

import picocli.CommandLine.Option;

/** Where the three services of a running stack answer; bin/litgraph sets the environment for its own stack. */
public class StackUrls {
    @Option(names = "--ingest-url", defaultValue = "${env:LITGRAPH_INGEST_URL:-http://localhost:8081}", paramLabel = "URL",
            description = "ingest-service (default: ${DEFAULT-VALUE})")
    public String ingest;

    @Option(names = "--entity-url", defaultValue = "${env:LITGRAPH_ENTITY_URL:-http://localhost:8082}", paramLabel = "URL",
            description = "entity-service (default: ${DEFAULT-VALUE})")
    public String entity;

    @Option(names = "--query-url", defaultValue = "${env:LITGRAPH_QUERY_URL:-http://localhost:8083}", paramLabel = "URL",
            description = "query-service (default: ${DEFAULT-VALUE})")
    public String query;
}
