package io.litgraph.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Learns when each of the run's documents became queryable, from query-service's own list (newest
 * indexed first, each with {@code indexedAt}). Polling walks pages only until it meets a document it has
 * already seen, so it costs a request or two per second even at full speed; a final sweep walks back to
 * the start of the run to catch anything committed out of order.
 */
public final class IndexWatcher {
    private static final int PAGE = 100;

    private final StackClient client;
    private final String idPrefix;
    private final long runStartMillis;
    private final Map<String, Long> indexedAt = new ConcurrentHashMap<>();
    private volatile int requests;

    public IndexWatcher(StackClient client, String idPrefix, long runStartMillis) {
        this.client = client;
        this.idPrefix = idPrefix;
        this.runStartMillis = runStartMillis;
    }

    /** Newest pages until an already known document of this run (or one older than the run) shows up. */
    public void poll() throws IOException, InterruptedException {
        walk(true);
    }

    /** Every page back to the start of the run. */
    public void sweep() throws IOException, InterruptedException {
        walk(false);
    }

    private void walk(boolean stopAtKnown) throws IOException, InterruptedException {
        String cursor = null;
        do {
            JsonNode page = client.documentsPage(cursor, PAGE);
            requests++;
            boolean stop = false;
            for (JsonNode item : page.path("items")) {
                String id = item.path("id").asText();
                long at = Instant.parse(item.path("indexedAt").asText()).toEpochMilli();
                if (at < runStartMillis - 1000) {
                    stop = true;
                    break;
                }
                if (!id.startsWith(idPrefix)) {
                    continue;
                }
                if (indexedAt.putIfAbsent(id, at) != null && stopAtKnown) {
                    stop = true;
                }
            }
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
            if (stop) {
                break;
            }
        } while (cursor != null);
    }

    public Map<String, Long> indexedAt() {
        return indexedAt;
    }

    public int requests() {
        return requests;
    }
}
