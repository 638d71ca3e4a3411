package io.deepmail.core;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The server's DNSSEC-secured TLSA records did not authenticate it: usable records exist, and none of
 * them matches the certificate chain the server sent (RFC 6698 §2.1, RFC 7671 §5, REQUIREMENTS §7.3).
 * There is no fallback to plain PKIX on such a server: the records say which certificates or keys it
 * may present, and it presented another. The message lists every record that was tried.
 *
 * <p>When a record matched but the checks that its usage adds failed (the chain from a DANE-TA anchor,
 * PKIX validation for PKIX-TA and PKIX-EE, or the name check), the failure is a
 * {@link CertificatePathException} or a {@link CertificateIdentityException} instead.
 *
 * @since 0.1
 */
public class DaneVerificationException extends TlsPolicyException {

    private static final long serialVersionUID = 1L;

    private static final String[] NONE = {};

    /** The usable TLSA records tried, in presentation form. */
    private final String[] records;

    /**
     * Creates the failure.
     *
     * @param message what failed and what to check
     * @param cause the underlying failure, if any
     */
    public DaneVerificationException(String message, @Nullable Throwable cause) {
        super(message, cause);
        this.records = NONE;
    }

    /**
     * Creates the failure of a TLSA match, with the records that were tried.
     *
     * @param message what failed and what to check
     * @param records every usable record tried, e.g. {@code 3 1 1 0c72ac70…}
     */
    public DaneVerificationException(String message, List<String> records) {
        super(message, null);
        this.records = records.toArray(String[]::new);
    }

    /**
     * The usable TLSA records that were tried, each as usage, selector, matching type and
     * (possibly shortened) association data in hex.
     *
     * @return the records in the order they were tried; empty when not recorded
     */
    public List<String> records() {
        return List.of(records);
    }
}
