package io.deepmail.probe;

import java.util.List;
import java.util.Objects;

/**
 * Every endpoint a domain advertises, probed, with the overall verdict.
 *
 * @param query what was asked for: an email address or a domain
 * @param domain the email domain discovery ran for
 * @param endpoints one probe per discovered candidate, IMAP, then POP3, then Submission, each in
 *     discovery order
 * @param discoveryProblems SRV labels whose lookup failed, one line each (a protocol with a failed
 *     label is left empty by discovery)
 * @param durationMillis milliseconds the whole probe took
 * @param verdict {@link ProbeVerdict#overall} of the endpoint verdicts; {@link ProbeVerdict#ERROR}
 *     when discovery found no endpoint
 * @since 0.1
 */
public record ProbeReport(String query, String domain, List<EndpointProbe> endpoints, List<String> discoveryProblems,
        long durationMillis, ProbeVerdict verdict) {

    /**
     * Validates the report.
     *
     * @param query the query
     * @param domain the domain
     * @param endpoints the endpoints
     * @param discoveryProblems the discovery problems
     * @param durationMillis the duration
     * @param verdict the verdict
     */
    public ProbeReport {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(verdict, "verdict");
        endpoints = List.copyOf(endpoints);
        discoveryProblems = List.copyOf(discoveryProblems);
    }
}
