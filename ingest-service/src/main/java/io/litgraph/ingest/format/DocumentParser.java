package io.litgraph.ingest.format;

import java.util.List;

/** Reads one request body (already decoded to text) into documents. Throws ProblemException on bad input. */
public interface DocumentParser {
    ParsedBody parse(String body);
}
