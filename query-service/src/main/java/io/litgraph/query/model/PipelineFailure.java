package io.litgraph.query.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * One failure query-service learnt of from the topics: a FAILED status event ({@code kind = status}) or
 * a dead-lettered record ({@code kind = dead-letter}, with where the record came from).
 *
 * @param stage           the pipeline stage that failed: {@code annotation} (entity-service),
 *                        {@code indexing} (query-service), {@code status} (a status consumer), or the
 *                        reporting service's name when the stage is not known
 * @param documentIndexed whether a version of the document is stored here, so that it can be opened
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PipelineFailure(String kind, String documentId, Integer documentVersion, boolean documentIndexed,
                              String service, String stage, String reason, String errorClass, String sourceTopic,
                              Integer sourcePartition, Long sourceOffset, Instant occurredAt) {
}
