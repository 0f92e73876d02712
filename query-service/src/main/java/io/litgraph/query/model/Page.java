package io.litgraph.query.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A page of results. {@code limit} is the effective page size (requests above the maximum are clamped);
 * {@code nextCursor} is absent on the last page.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(List<T> items, int limit, String nextCursor) {
}
