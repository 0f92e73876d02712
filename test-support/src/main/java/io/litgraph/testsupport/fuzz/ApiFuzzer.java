package io.litgraph.testsupport.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sends every {@link HostileInputs} value into every query parameter and path segment of every
 * {@code /api/} operation a service's own OpenAPI document lists (so a new endpoint is fuzzed without
 * anyone remembering to add it), one parameter at a time, the others at their documented example.
 * Values go round the whole API before the next value is sent, so a run cut short by its time budget
 * has still sent the first values everywhere; the budget is a hard bound, and running out of it fails.
 */
public final class ApiFuzzer {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Stands for "the value is the name of a parameter" (no real parameter can be called this). */
    private static final String NAME_FUZZ = "\u0000name";

    /** A request body for operations that need one (POST), with its headers. */
    public record Body(Map<String, String> headers, byte[] bytes) {
    }

    public record Parameter(String name, String in, boolean required, String example) {
    }

    public record Operation(String method, String path, List<Parameter> parameters) {
        public String describe() {
            return method + " " + path;
        }
    }

    private final RawHttp http;
    private final List<Operation> operations;
    private final FuzzFailures failures = new FuzzFailures();
    private final long deadline;

    public ApiFuzzer(RawHttp http, Duration budget) {
        this.http = http;
        this.operations = operations(http.send("GET", "/q/openapi?format=json", Map.of(), null).body());
        this.deadline = System.nanoTime() + budget.toNanos();
    }

    public List<Operation> operations() {
        return operations;
    }

    public FuzzFailures failures() {
        return failures;
    }

    /**
     * Fuzzes every parameter of every operation; {@code bodyFor} gives the body of operations that take
     * one (null: none).
     */
    public void fuzzParameters(List<String> values, java.util.function.Function<Operation, Body> bodyFor) {
        fuzzParameters(values, bodyFor, op -> true);
    }

    /** As above, for the operations {@code include} accepts (one that is costly per call may be fuzzed apart). */
    public void fuzzParameters(List<String> values, java.util.function.Function<Operation, Body> bodyFor,
                               java.util.function.Predicate<Operation> include) {
        for (String value : values) {
            for (Operation op : operations) {
                if (!include.test(op)) {
                    continue;
                }
                Body body = bodyFor.apply(op);
                for (Parameter fuzzed : op.parameters()) {
                    send(op, fuzzed.name(), value, body);
                }
                // a parameter no endpoint knows, and the value as a parameter's name
                send(op, "unknownParameter", value, body);
                send(op, NAME_FUZZ, value, body);
            }
        }
    }

    /** Sends one request and checks its answer; the caller may look further at the response. */
    public RawHttp.Response send(String method, String target, Map<String, String> headers, byte[] body, String where,
                                 String value) {
        if (System.nanoTime() > deadline) {
            throw new AssertionError("the fuzz run's time budget ran out after " + failures.sent() + " cases; "
                    + failures.report());
        }
        RawHttp.Response response;
        try {
            response = http.send(method, target, headers, body);
        } catch (UncheckedIOException e) {
            failures.add(where, value, "no answer: " + e.getMessage());
            return null;
        }
        failures.check(where, value, target, response);
        return response;
    }

    private void send(Operation op, String fuzzedName, String value, Body body) {
        String path = op.path();
        StringBuilder query = new StringBuilder();
        boolean nameFuzz = fuzzedName.equals(NAME_FUZZ);
        for (Parameter p : op.parameters()) {
            boolean fuzzed = p.name().equals(fuzzedName);
            String v = fuzzed ? value : p.example();
            if ("path".equals(p.in())) {
                path = path.replace("{" + p.name() + "}", RawHttp.encode(v == null ? "x" : v));
            } else if ("query".equals(p.in()) && (fuzzed || (p.required() && v != null))) {
                query.append(query.isEmpty() ? '?' : '&').append(RawHttp.encode(p.name())).append('=').append(RawHttp.encode(v));
            }
        }
        if (fuzzedName.equals("unknownParameter")) {
            query.append(query.isEmpty() ? '?' : '&').append("unknownParameter=").append(RawHttp.encode(value));
        } else if (nameFuzz) {
            query.append(query.isEmpty() ? '?' : '&').append(RawHttp.encode(value)).append("=1");
        }
        String where = op.describe() + (nameFuzz ? " parameter name" : " " + fuzzedName);
        send(op.method(), path + query, body == null ? Map.of() : body.headers(), body == null ? null : body.bytes(),
                where, value);
    }

    /** The {@code /api/} operations of an OpenAPI 3 document (JSON), with their parameters. */
    static List<Operation> operations(String openApi) {
        JsonNode root;
        try {
            root = JSON.readTree(openApi);
        } catch (IOException e) {
            throw new UncheckedIOException("the service's OpenAPI document is not JSON", e);
        }
        List<Operation> out = new ArrayList<>();
        root.path("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            path.getValue().fields().forEachRemaining(method -> {
                if (!List.of("get", "post", "put", "delete", "patch").contains(method.getKey())) {
                    return;
                }
                Map<String, Parameter> parameters = new LinkedHashMap<>();
                Consumer<JsonNode> add = p -> parameters.put(p.path("name").asText(), new Parameter(p.path("name").asText(),
                        p.path("in").asText(), p.path("required").asBoolean(false),
                        p.hasNonNull("example") ? p.get("example").asText() : null));
                path.getValue().path("parameters").forEach(add);
                method.getValue().path("parameters").forEach(add);
                out.add(new Operation(method.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                        List.copyOf(parameters.values())));
            });
        });
        if (out.isEmpty()) {
            throw new IllegalStateException("the OpenAPI document lists no /api/ operation");
        }
        return out;
    }
}
