package io.deepmail.core;

import io.deepmail.core.latch.LatchFinding;
import io.deepmail.core.latch.LatchProperty;
import java.util.List;

/**
 * A session did not meet the account's latches or its minimum level, and was refused after the
 * handshake and identity check and before any credential (REQUIREMENTS L6–L8, LAT-06..08, LAT-13).
 * It says which property was latched, what was expected and what was observed, on which endpoint,
 * and that nothing was sent. When {@link #blocksWeakerCandidates()} is set, no other candidate
 * weaker than the latches may be tried for this account and protocol (L7); a candidate that meets
 * every latch may.
 *
 * <p>This error offers no way around itself: latches are lowered only by an explicit account edit,
 * never from an error path (L10, L11).
 *
 * @since 0.1
 */
public class LatchViolationException extends TlsPolicyException {

    private static final long serialVersionUID = 1L;

    /** The account's latch key. */
    private final String account;
    /** The endpoint's protocol. */
    private final MailProtocol protocol;
    /** The endpoint's host. */
    private final String host;
    /** The endpoint's port. */
    private final int port;
    /** The endpoint's transport mode. */
    private final TransportMode mode;
    /** Every requirement missed. */
    private final LatchFinding[] findings;
    /** Whether weaker candidates are closed for the account. */
    private final boolean blocksWeakerCandidates;

    /**
     * Creates the failure.
     *
     * @param account the account's latch key
     * @param endpoint the endpoint of the refused session
     * @param findings the requirements missed, at least one
     * @param blocksWeakerCandidates whether weaker candidates are now closed (L7)
     */
    public LatchViolationException(String account, Endpoint endpoint, List<LatchFinding> findings,
            boolean blocksWeakerCandidates) {
        super(message(account, endpoint, findings), null);
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("a violation has at least one finding");
        }
        this.account = account;
        this.protocol = endpoint.protocol();
        this.host = endpoint.host();
        this.port = endpoint.port();
        this.mode = endpoint.mode();
        this.findings = findings.toArray(LatchFinding[]::new);
        this.blocksWeakerCandidates = blocksWeakerCandidates;
    }

    private static String message(String account, Endpoint endpoint, List<LatchFinding> findings) {
        StringBuilder b = new StringBuilder("Refused ").append(endpoint).append(" for ").append(account)
                .append(" before sending credentials:");
        for (LatchFinding f : findings) {
            b.append(' ').append(f.property()).append(" latched ").append(f.latched()).append(" expects ")
                    .append(f.expected()).append(", observed ").append(f.observed()).append(';');
        }
        return b.append(" nothing was sent.").toString();
    }

    /**
     * The account's latch key.
     *
     * @return the key
     */
    public String account() {
        return account;
    }

    /**
     * The endpoint of the refused session.
     *
     * @return the endpoint
     */
    public Endpoint endpoint() {
        return new Endpoint(protocol, host, port, mode);
    }

    /**
     * Every requirement the session missed.
     *
     * @return the findings, most important first
     */
    public List<LatchFinding> findings() {
        return List.of(findings);
    }

    /**
     * The first property missed.
     *
     * @return the property
     */
    public LatchProperty property() {
        return findings[0].property();
    }

    /**
     * What the first finding expected.
     *
     * @return the expectation, in words
     */
    public String expected() {
        return findings[0].expected();
    }

    /**
     * What the session showed instead.
     *
     * @return the observation, in words
     */
    public String observed() {
        return findings[0].observed();
    }

    /**
     * Whether weaker candidates are closed for this account and protocol (L7).
     *
     * @return {@code true} for a NORMAL, account-wide or minimum-level violation
     */
    public boolean blocksWeakerCandidates() {
        return blocksWeakerCandidates;
    }
}
