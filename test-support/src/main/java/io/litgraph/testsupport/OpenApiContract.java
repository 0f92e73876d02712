package io.litgraph.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a service's published OpenAPI document (parsed JSON) for what Redocly's lint cannot know: that each
 * operation declares the security it really needs, besides an operationId, tags, a 2xx with content and a 4xx.
 */
public final class OpenApiContract {
    private OpenApiContract() {
    }

    /** What the security of an operation must be, given its HTTP method and path. */
    public interface ExpectedSecurity {
        List<?> of(String method, String path);
    }

    /** Every violation as "METHOD path: what is wrong"; empty when the document keeps the contract. */
    @SuppressWarnings("unchecked")
    public static List<String> violations(Map<String, Object> document, ExpectedSecurity expected) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        if (paths == null || paths.isEmpty()) {
            return List.of("no paths");
        }
        paths.forEach((path, item) -> ((Map<String, Object>) item).forEach((method, value) -> {
            Map<String, Object> operation = (Map<String, Object>) value;
            String where = method.toUpperCase() + " " + path + ": ";
            if (!(operation.get("operationId") instanceof String id) || id.isBlank()) {
                problems.add(where + "no operationId");
            }
            if (!(operation.get("tags") instanceof List<?> tags) || tags.isEmpty()) {
                problems.add(where + "no tag");
            }
            Map<String, Object> responses = (Map<String, Object>) operation.getOrDefault("responses", Map.of());
            boolean success = responses.entrySet().stream().anyMatch(r -> r.getKey().startsWith("2")
                    && ((Map<String, Object>) r.getValue()).get("content") instanceof Map<?, ?> content && !content.isEmpty());
            if (!success) {
                problems.add(where + "no 2xx response with content");
            }
            if (responses.keySet().stream().noneMatch(code -> code.startsWith("4"))) {
                problems.add(where + "no 4xx response");
            }
            List<?> want = expected.of(method, path);
            if (!want.equals(operation.get("security"))) {
                problems.add(where + "security is " + operation.get("security") + ", expected " + want);
            }
        }));
        return problems;
    }
}
