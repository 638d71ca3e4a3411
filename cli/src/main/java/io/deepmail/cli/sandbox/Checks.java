package io.deepmail.cli.sandbox;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The expectations of a sandbox run: each one is checked against what happened, printed as it is
 * checked, and counted. The run exits 0 only if every one held.
 */
final class Checks {

    private final PrintWriter out;
    private final List<String> failed = new ArrayList<>();
    private int passed;

    Checks(PrintWriter out) {
        this.out = out;
    }

    /**
     * Records one expectation.
     *
     * @param ok whether it held
     * @param what what was expected, in words
     * @param observed what was observed
     * @return {@code ok}
     */
    boolean expect(boolean ok, String what, String observed) {
        if (ok) {
            passed++;
        } else {
            failed.add(what + " (observed: " + observed + ")");
        }
        out.printf("  [%s] %s%s%n", ok ? " ok " : "FAIL", what, ok ? "" : " -- observed: " + observed);
        return ok;
    }

    int passed() {
        return passed;
    }

    List<String> failed() {
        return List.copyOf(failed);
    }
}
