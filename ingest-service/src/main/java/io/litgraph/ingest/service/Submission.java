package io.litgraph.ingest.service;

import io.litgraph.ingest.domain.Stage;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one submitted document. {@code duplicate} means nothing was stored or published: the
 * same content is already there under {@code id}. {@code sanitized} counts the characters replaced at the
 * door, by kind (empty when none).
 */
public record Submission(String id, int version, Stage stage, boolean duplicate, List<String> warnings,
                         Map<String, Integer> sanitized) {
}
