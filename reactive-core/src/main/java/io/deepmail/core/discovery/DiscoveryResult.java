package io.deepmail.core.discovery;

import io.deepmail.core.MailProtocol;
import io.deepmail.core.dns.DnssecStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of RFC 6186 discovery for one email domain: for each protocol, the candidates in the
 * order to try them, and for each of the six labels what its lookup gave. A plain value made of
 * records, strings and enums, so an application can persist it at account setup and reuse it;
 * {@link #mayRequerySrv(MailProtocol)} says whether SRV may be looked up again at connect time
 * (REQUIREMENTS §5.3 step 7, SRV-08).
 *
 * <p>A label whose lookup failed (BOGUS or INDETERMINATE) leaves its protocol with no candidates at
 * all, and {@link #failures()} says why (SRV-11). Using the other label of that protocol instead
 * would let whoever broke one RRset steer the account to the other (from Implicit TLS to
 * STARTTLS, say), and the provider's cross-label priorities (RFC 6186 §3.4) could not be honoured
 * with one label missing.
 *
 * @param domain the email domain, lower-case A-labels
 * @param candidates per protocol, the ordered candidates (every protocol is a key; the list may be
 *     empty)
 * @param labels per label, what its lookup gave (every label is a key)
 * @since 0.1
 */
public record DiscoveryResult(String domain, Map<MailProtocol, List<DiscoveryCandidate>> candidates,
        Map<ServiceLabel, LabelLookup> labels) {

    /**
     * Validates the result.
     *
     * @param domain the domain
     * @param candidates the candidates per protocol
     * @param labels the label lookups
     */
    public DiscoveryResult {
        Objects.requireNonNull(domain, "domain");
        EnumMap<MailProtocol, List<DiscoveryCandidate>> c = new EnumMap<>(MailProtocol.class);
        for (MailProtocol p : MailProtocol.values()) {
            c.put(p, List.copyOf(candidates.getOrDefault(p, List.of())));
        }
        candidates = Collections.unmodifiableMap(c);
        EnumMap<ServiceLabel, LabelLookup> l = new EnumMap<>(ServiceLabel.class);
        l.putAll(labels);
        if (l.size() != ServiceLabel.values().length) {
            throw new IllegalArgumentException("every one of the six labels needs its lookup result");
        }
        labels = Collections.unmodifiableMap(l);
    }

    /**
     * The ordered candidates for one protocol.
     *
     * @param protocol the protocol
     * @return the candidates, best first; empty when none was found or the protocol failed
     */
    public List<DiscoveryCandidate> candidates(MailProtocol protocol) {
        return candidates.get(protocol);
    }

    /**
     * The labels whose lookup failed (BOGUS or INDETERMINATE), in label order.
     *
     * @return the failures; empty when every lookup gave an answer
     */
    public List<LabelLookup> failures() {
        return labels.values().stream().filter(l -> l.state() == LabelLookup.State.FAILED).toList();
    }

    /**
     * Whether discovery failed for a protocol: one of its labels was BOGUS or INDETERMINATE.
     *
     * @param protocol the protocol
     * @return {@code true} when the protocol has no candidates because of a failure
     */
    public boolean failed(MailProtocol protocol) {
        return failures().stream().anyMatch(l -> l.label().protocol() == protocol);
    }

    /**
     * Whether SRV may be looked up again for this protocol on each connection (RFC 8314 §5.1,
     * SRV-08): only when both of its labels were answered with DNSSEC-validated data or denials.
     * Otherwise the stored candidates are used as they are, and SRV is consulted again only when
     * the user asks to re-discover.
     *
     * @param protocol the protocol
     * @return {@code true} when both labels were SECURE
     */
    public boolean mayRequerySrv(MailProtocol protocol) {
        return labels.values().stream().filter(l -> l.label().protocol() == protocol)
                .allMatch(l -> l.status() == DnssecStatus.SECURE);
    }

    /**
     * Whether any candidate waits for the user to confirm its target (SRV-07).
     *
     * @return {@code true} when at least one candidate needs confirmation
     */
    public boolean needsConfirmation() {
        return candidates.values().stream().flatMap(List::stream).anyMatch(DiscoveryCandidate::needsConfirmation);
    }
}
