package io.litgraph.query.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A page of recent failures, newest first. {@code stored} is how many are kept now, {@code maxStored}
 * the cap beyond which the oldest are dropped.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FailurePage(List<PipelineFailure> items, int limit, String nextCursor, long stored, int maxStored) {
}
