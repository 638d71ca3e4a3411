package io.deepmail.examples.webflux;

import io.deepmail.probe.ProbeReport;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.springframework.stereotype.Component;

/** The last {@link #CAPACITY} probe reports, newest first, for the dashboard. */
@Component
public class RecentProbes {

    /** How many reports are kept. */
    public static final int CAPACITY = 20;

    private final Deque<ProbeReport> reports = new ArrayDeque<>();

    /**
     * Remembers a report, dropping the oldest beyond {@link #CAPACITY}.
     *
     * @param report the report
     */
    public synchronized void add(ProbeReport report) {
        reports.addFirst(report);
        while (reports.size() > CAPACITY) {
            reports.removeLast();
        }
    }

    /**
     * The kept reports.
     *
     * @return newest first
     */
    public synchronized List<ProbeReport> list() {
        return new ArrayList<>(reports);
    }
}
