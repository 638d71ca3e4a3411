package io.deepmail.probe;

import io.deepmail.core.CertificateIdentityException;
import io.deepmail.core.CertificatePathException;
import io.deepmail.core.CommandFailedException;
import io.deepmail.core.ConnectionException;
import io.deepmail.core.DaneVerificationException;
import io.deepmail.core.DnssecBogusException;
import io.deepmail.core.LatchViolationException;
import io.deepmail.core.MailClientException;
import io.deepmail.core.MailTimeoutException;
import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.StartTlsInjectionException;
import io.deepmail.core.StartTlsUnavailableException;
import io.deepmail.core.TlsNegotiationException;
import io.deepmail.core.TlsPolicyException;
import io.deepmail.core.TlsRequiredException;
import java.util.Objects;

/**
 * Why an endpoint was refused or could not be reached: the typed category, the exception's simple
 * name and its message. Never a stack trace.
 *
 * @param kind the category
 * @param exception the simple name of the deepmail exception, e.g. {@code CertificateIdentityException}
 * @param message the exception's message
 * @since 0.1
 */
public record ProbeError(Kind kind, String exception, String message) {

    /**
     * Validates the error.
     *
     * @param kind the category
     * @param exception the exception name
     * @param message the message
     */
    public ProbeError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(exception, "exception");
        Objects.requireNonNull(message, "message");
    }

    /** The categories, from the deepmail exception hierarchy. */
    public enum Kind {
        /** The certificate does not name the server. */
        CERTIFICATE_IDENTITY(true),
        /** No valid certification path to a trust anchor (expired, self-signed, unknown root). */
        CERTIFICATE_PATH(true),
        /** Usable TLSA records and no match. */
        DANE(true),
        /** A bogus or indeterminate DNSSEC answer. */
        DNSSEC_BOGUS(true),
        /** The server did not offer STARTTLS or refused it (TLS-15): a stripped upgrade. */
        STARTTLS_UNAVAILABLE(true),
        /** Plaintext injected behind the STARTTLS go-ahead (TLS-11). */
        STARTTLS_INJECTION(true),
        /** TLS negotiated below policy (version or suite). */
        TLS_NEGOTIATION(true),
        /** TLS was required and the endpoint offered none. */
        TLS_REQUIRED(true),
        /** A latch of the account refused the session. */
        LATCH(true),
        /** Another TLS policy failure. */
        TLS_POLICY(true),
        /** TCP could not connect, or the connection was lost. */
        CONNECTION(false),
        /** A step did not finish in time. */
        TIMEOUT(false),
        /** The server's data broke the protocol. */
        PROTOCOL(false),
        /** The server refused a command. */
        COMMAND_FAILED(false),
        /** Anything else. */
        OTHER(false);

        private final boolean security;

        Kind(boolean security) {
            this.security = security;
        }

        /**
         * Whether this is a security finding (the endpoint answered but is not safe to use) rather
         * than a failure to reach or understand it.
         *
         * @return {@code true} for TLS policy failures
         */
        public boolean security() {
            return security;
        }
    }

    /**
     * The error for a failure.
     *
     * @param failure what failed
     * @return the typed error
     */
    public static ProbeError of(Throwable failure) {
        String message = failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
        return new ProbeError(kind(failure), failure.getClass().getSimpleName(), message);
    }

    private static Kind kind(Throwable f) {
        if (!(f instanceof MailClientException)) {
            return Kind.OTHER;
        }
        if (f instanceof TlsPolicyException policy) {
            return tlsKind(policy);
        }
        if (f instanceof MailTimeoutException) {
            return Kind.TIMEOUT;
        }
        if (f instanceof ProtocolViolationException) {
            return Kind.PROTOCOL;
        }
        if (f instanceof CommandFailedException) {
            return Kind.COMMAND_FAILED;
        }
        return f instanceof ConnectionException ? Kind.CONNECTION : Kind.OTHER;
    }

    private static Kind tlsKind(TlsPolicyException f) {
        if (f instanceof CertificateIdentityException) {
            return Kind.CERTIFICATE_IDENTITY;
        } else if (f instanceof CertificatePathException) {
            return Kind.CERTIFICATE_PATH;
        } else if (f instanceof DaneVerificationException) {
            return Kind.DANE;
        } else if (f instanceof DnssecBogusException) {
            return Kind.DNSSEC_BOGUS;
        } else if (f instanceof StartTlsUnavailableException) {
            return Kind.STARTTLS_UNAVAILABLE;
        } else if (f instanceof StartTlsInjectionException) {
            return Kind.STARTTLS_INJECTION;
        } else if (f instanceof TlsNegotiationException) {
            return Kind.TLS_NEGOTIATION;
        } else if (f instanceof TlsRequiredException) {
            return Kind.TLS_REQUIRED;
        } else if (f instanceof LatchViolationException) {
            return Kind.LATCH;
        }
        return Kind.TLS_POLICY;
    }
}
