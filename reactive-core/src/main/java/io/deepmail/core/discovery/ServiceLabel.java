package io.deepmail.core.discovery;

import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;

/**
 * The six SRV labels of RFC 6186 and RFC 8314 §7.3, one per protocol and transport mode
 * (REQUIREMENTS §5.1, SRV-02).
 *
 * @since 0.1
 */
public enum ServiceLabel {

    /** {@code _imaps._tcp}: IMAP with Implicit TLS. */
    IMAPS(MailProtocol.IMAP, TransportMode.IMPLICIT),

    /** {@code _imap._tcp}: IMAP with STARTTLS. */
    IMAP(MailProtocol.IMAP, TransportMode.STARTTLS),

    /** {@code _pop3s._tcp}: POP3 with Implicit TLS. */
    POP3S(MailProtocol.POP3, TransportMode.IMPLICIT),

    /** {@code _pop3._tcp}: POP3 with STLS. */
    POP3(MailProtocol.POP3, TransportMode.STARTTLS),

    /** {@code _submissions._tcp}: Submission with Implicit TLS. */
    SUBMISSIONS(MailProtocol.SUBMISSION, TransportMode.IMPLICIT),

    /** {@code _submission._tcp}: Submission with STARTTLS. */
    SUBMISSION(MailProtocol.SUBMISSION, TransportMode.STARTTLS);

    private final MailProtocol protocol;
    private final TransportMode mode;

    ServiceLabel(MailProtocol protocol, TransportMode mode) {
        this.protocol = protocol;
        this.mode = mode;
    }

    /**
     * The label of a protocol and mode.
     *
     * @param protocol the protocol
     * @param mode {@link TransportMode#IMPLICIT} or {@link TransportMode#STARTTLS}
     * @return the label
     * @throws IllegalArgumentException for {@link TransportMode#PLAINTEXT}, which has no label
     */
    public static ServiceLabel of(MailProtocol protocol, TransportMode mode) {
        for (ServiceLabel l : values()) {
            if (l.protocol == protocol && l.mode == mode) {
                return l;
            }
        }
        throw new IllegalArgumentException("no SRV label for " + protocol + " " + mode);
    }

    /**
     * The protocol spoken on the service.
     *
     * @return the protocol
     */
    public MailProtocol protocol() {
        return protocol;
    }

    /**
     * How TLS is brought up on the service.
     *
     * @return IMPLICIT or STARTTLS
     */
    public TransportMode mode() {
        return mode;
    }

    /**
     * The service name without underscore, as used in an SRV-ID (RFC 4985).
     *
     * @return for example {@code "imaps"}
     */
    public String serviceName() {
        return protocol.serviceName(mode);
    }

    /**
     * The SRV owner name for a domain.
     *
     * @param domain the email domain, such as {@code example.com}
     * @return for example {@code _imaps._tcp.example.com}
     */
    public String ownerName(String domain) {
        return "_" + serviceName() + "._tcp." + domain;
    }
}
