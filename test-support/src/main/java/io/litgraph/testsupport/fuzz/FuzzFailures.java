package io.litgraph.testsupport.fuzz;

import java.util.ArrayList;
import java.util.List;

/** Collects what a fuzz run found, so one run reports every failing case instead of the first. */
public final class FuzzFailures {
    private final List<String> failures = new ArrayList<>();
    private int sent;

    /** Checks the answer to one case: no 5xx, and every 4xx is problem+json. */
    public void check(String where, String value, RawHttp.Response response) {
        sent++;
        if (response.status() >= 500) {
            add(where, value, "server error " + response);
        } else if (response.status() >= 400 && !response.isProblemJson()) {
            add(where, value, "a " + response.status() + " that is not application/problem+json: " + response);
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
