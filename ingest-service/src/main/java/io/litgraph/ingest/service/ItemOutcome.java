package io.litgraph.ingest.service;

/** One document of a multi-document request: either a submission or the problem that stopped it. */
public record ItemOutcome(int position, String id, Submission submission, ProblemException problem) {
}
