package io.deepmail.cli.sandbox;

import java.io.PrintWriter;
import java.util.List;

/** Prints endpoint rows as one block per endpoint, aligned: readable on an 80-column terminal. */
final class Table {

    private Table() {
    }

    static void print(PrintWriter out, List<EndpointRow> rows) {
        for (EndpointRow r : rows) {
            out.printf("  %-10s %-24s %s%n", r.protocol(), r.endpoint(), r.mode());
            out.printf("      version   %-9s cipher %s%n", r.version(), r.cipher());
            out.printf("      auth      %-9s level  %s   tags %s%n", r.auth(), r.level(), r.tags());
            out.printf("      latches   %s%n", r.latches());
            out.printf("      timings   %s%n", r.timings());
        }
    }
}
