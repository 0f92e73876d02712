package io.litgraph.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * A document as ingest-service accepted it. {@code passages} carry document-global offsets (BioC style):
 * every annotation offset downstream points into them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentPayload(String title, List<PassagePayload> passages, String source, String url,
                              String published, List<String> authors, List<String> tags,
                              Map<String, Object> metadata) {
}
