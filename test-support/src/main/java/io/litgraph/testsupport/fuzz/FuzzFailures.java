package io.litgraph.testsupport.fuzz;

import java.util.ArrayList;
import java.util.List;

/** Collects what a fuzz run found, so one run reports every failing case instead of the first. */
public final class FuzzFailures {
    private final List<String> failures = new ArrayList<>();
    private int sent;

    /**
     * Checks the answer to one case: no 5xx, and every 4xx is problem+json. A request target that is not a
     * URI at all (RFC 3986: a {@code %} not followed by two hex digits) is the exception: Quarkus refuses it
     * with a bare 400 before any application code runs, on purpose (the check guards against request
     * smuggling and cannot be hooked, quarkusio/quarkus#37804), so such a case must get exactly that.
     */
    public void check(String where, String value, String target, RawHttp.Response response) {
        if (!isUri(target)) {
            sent++;
            if (response.status() != 400 || !response.body().isEmpty()) {
                add(where, value, "a request target that is not a URI must be refused with a bare 400: " + response);
            }
            return;
        }
        check(where, value, response);
    }

    /** Checks the answer to one case: no 5xx, and every 4xx is problem+json. */
    public void check(String where, String value, RawHttp.Response response) {
        sent++;
        if (response.status() >= 500) {
            add(where, value, "server error " + response);
        } else if (response.status() >= 400 && !response.isProblemJson()) {
            add(where, value, "a " + response.status() + " that is not application/problem+json: " + response);
        }
    }

    static boolean isUri(String target) {
        try {
            new java.net.URI(target);
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    public void add(String where, String value, String what) {
        if (failures.size() < 200) {
            failures.add(where + " = " + HostileInputs.describe(value) + ": " + what);
        }
    }

    public int sent() {
        return sent;
    }

    public List<String> failures() {
        return failures;
    }

    public String report() {
        return failures.size() + " failing case(s) of " + sent + " (seed " + HostileInputs.seed() + "):\n"
                + String.join("\n", failures);
    }
}
