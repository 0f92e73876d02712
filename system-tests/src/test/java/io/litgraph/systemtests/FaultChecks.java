package io.litgraph.systemtests;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** What "indexed exactly once, correctly" is compared on: a checksum of a document's annotations. */
final class FaultChecks {
    private FaultChecks() {
    }

    /**
     * SHA-256 over the sorted mentions, relations and sentences of query-service's document JSON, and its
     * text. Ids are left out, so the same text under two ids has the same checksum; a lost, duplicated or
     * half-replaced annotation changes it.
     */
    static String annotationChecksum(JsonNode doc) {
        List<String> parts = new ArrayList<>();
        parts.add("text:" + doc.path("text").asText());
        for (JsonNode m : doc.path("mentions")) {
            parts.add("m:" + m.path("start").asInt() + ":" + m.path("end").asInt() + ":" + m.path("type").asText() + ":"
                    + m.path("conceptId").asText("") + ":" + m.path("negated").asBoolean() + ":" + m.path("speculative").asBoolean());
        }
        for (JsonNode r : doc.path("relations")) {
            parts.add("r:" + r.path("type").asText() + ":" + r.path("subjectId").asText() + ":" + r.path("objectId").asText()
                    + ":" + r.path("directed").asBoolean() + ":" + span(r.path("trigger")) + ":" + span(r.path("sentence"))
                    + ":" + span(r.path("subject")) + ":" + span(r.path("object")) + ":" + r.path("negated").asBoolean()
                    + ":" + r.path("speculative").asBoolean() + ":" + r.path("confidence").asText());
        }
        for (JsonNode s : doc.path("sentences")) {
            parts.add("s:" + span(s));
        }
        parts.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                sha.update(p.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16) + "/" + doc.path("mentions").size() + "m/"
                    + doc.path("relations").size() + "r";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String span(JsonNode s) {
        return s.isMissingNode() || s.isNull() ? "-" : s.path("start").asInt() + "-" + s.path("end").asInt();
    }
}
