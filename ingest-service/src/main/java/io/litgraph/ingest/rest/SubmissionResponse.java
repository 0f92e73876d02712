package io.litgraph.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.litgraph.ingest.service.Submission;

import java.util.List;
import java.util.Map;

/**
 * The answer to one submitted document. {@code status} is the document's current stage; {@code sanitized}
 * (only when something was replaced) counts the characters that could not be stored, by kind.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SubmissionResponse(String id, int version, String status, boolean duplicate, Links links,
                                 List<String> warnings, Map<String, Integer> sanitized) {

    public record Links(String self, String status) {
        static Links of(String id) {
            String self = "/api/documents/" + id;
            return new Links(self, self + "/status");
        }
    }

    public static SubmissionResponse of(Submission s) {
        return new SubmissionResponse(s.id(), s.version(), s.stage().name(), s.duplicate(), Links.of(s.id()), s.warnings(),
                s.sanitized());
    }
}
