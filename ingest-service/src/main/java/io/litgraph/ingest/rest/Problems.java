package io.litgraph.ingest.rest;

import jakarta.ws.rs.core.Response;

import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 7807 problem documents: {@code application/problem+json} with type, title, status, detail, instance. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://litgraph.io/problems/";

    private Problems() {
    }

    public static Map<String, Object> body(int status, String type, String title, String detail, String instance,
                                           Map<String, Object> extensions) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type == null ? "about:blank" : TYPE_BASE + type);
        problem.put("title", title);
        problem.put("status", status);
        if (detail != null) {
            problem.put("detail", detail);
        }
        if (instance != null) {
            problem.put("instance", instance);
        }
        if (extensions != null) {
            extensions.forEach(problem::putIfAbsent);
        }
        return problem;
    }

    public static Response response(int status, String type, String title, String detail, String instance,
                                    Map<String, Object> extensions) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(body(status, type, title, detail, instance, extensions)).build();
    }
}
