package io.litgraph.ingest.service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client error that becomes an RFC 7807 problem. {@code type} is a short slug; the REST layer turns it
 * into the problem's type URI. Extra members (line, column, limit…) end up in the problem body.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String type, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public static ProblemException malformed(String format, String detail, Integer line, Integer column) {
        Map<String, Object> ext = new LinkedHashMap<>();
        if (line != null && line > 0) {
            ext.put("line", line);
        }
        if (column != null && column > 0) {
            ext.put("column", column);
        }
        return new ProblemException(400, "malformed-" + format, "Malformed " + format.toUpperCase() + " body", detail, ext);
    }

    public static ProblemException emptyText(String detail) {
        return new ProblemException(422, "empty-text", "Document has no text", detail, null);
    }

    public static ProblemException invalid(String detail) {
        return new ProblemException(422, "invalid-document", "Invalid document", detail, null);
    }

    public static ProblemException tooLarge(long bytes, long limit) {
        return new ProblemException(413, "text-too-large", "Document text too large",
                "the extracted text is " + bytes + " bytes of UTF-8; the limit is " + limit,
                Map.of("limit", limit, "size", bytes));
    }

    /** {@code size} is null when the body came without a Content-Length and was cut off at the limit. */
    public static ProblemException bodyTooLarge(Long size, long limit) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("limit", limit);
        if (size != null) {
            ext.put("size", size);
        }
        return new ProblemException(413, "body-too-large", "Request body too large",
                (size != null ? "the request body is " + size + " bytes" : "the request body is longer")
                        + "; the limit is " + limit + " bytes (litgraph.ingest.max-body-bytes)", ext);
    }

    public static ProblemException invalidEncoding(String charset, long byteOffset) {
        return new ProblemException(400, "invalid-encoding", "Body is not valid " + charset,
                "malformed or unmappable " + charset + " input at byte " + byteOffset, Map.of("byteOffset", byteOffset));
    }

    public static ProblemException unsupportedType(String contentType, Iterable<String> supported) {
        return new ProblemException(415, "unsupported-media-type", "Unsupported media type",
                "cannot ingest '" + contentType + "'", Map.of("supported", supported));
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
