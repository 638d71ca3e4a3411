package io.deepmail.core.internal.tls;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Turns a JDK path validation failure into a message that says why, in user terms. */
final class PathFailures {

    private enum Kind { EXPIRED, NOT_YET_VALID, UNTRUSTED, OTHER }

    private PathFailures() {
    }

    /**
     * Explains a failure.
     *
     * @param chain the chain as the server sent it, leaf first, not empty
     * @param failure what the JDK's trust manager threw
     * @return a message naming the cause and the certificate concerned
     */
    static String explain(List<X509Certificate> chain, Throwable failure) {
        Kind kind = classify(failure);
        X509Certificate leaf = chain.get(0);
        if (kind == Kind.UNTRUSTED || kind == Kind.OTHER) {
            Kind leafValidity = validity(leaf);
            if (leafValidity != null) {
                kind = leafValidity;
            }
        }
        switch (kind) {
            case EXPIRED: {
                X509Certificate c = firstWith(chain, Kind.EXPIRED, leaf);
                return "the server certificate " + role(chain, c) + "'" + subject(c) + "' expired on "
                        + c.getNotAfter().toInstant() + "; the server must renew it";
            }
            case NOT_YET_VALID: {
                X509Certificate c = firstWith(chain, Kind.NOT_YET_VALID, leaf);
                return "the server certificate " + role(chain, c) + "'" + subject(c) + "' is not valid until "
                        + c.getNotBefore().toInstant() + "; check this computer's clock";
            }
            case UNTRUSTED: {
                X509Certificate last = chain.get(chain.size() - 1);
                if (chain.size() == 1 && selfIssued(leaf)) {
                    return "the server certificate '" + subject(leaf) + "' is self-signed and is not one of the "
                            + "trusted certificates";
                }
                if (selfIssued(last)) {
                    return "the server certificate chain ends at the root '" + subject(last)
                            + "', which is not trusted (unknown issuer)";
                }
                return "the server certificate was issued by '" + last.getIssuerX500Principal().getName()
                        + "', which is not trusted (unknown issuer); the root is not a trust anchor, or the server"
                        + " did not send its intermediate certificates";
            }
            default:
                return "the server certificate chain did not validate: " + rootMessage(failure);
        }
    }

    private static Kind classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return Kind.EXPIRED;
            }
            if (t instanceof CertificateNotYetValidException) {
                return Kind.NOT_YET_VALID;
            }
            if (t instanceof CertPathValidatorException v) {
                if (v.getReason() == BasicReason.EXPIRED) {
                    return Kind.EXPIRED;
                }
                if (v.getReason() == BasicReason.NOT_YET_VALID) {
                    return Kind.NOT_YET_VALID;
                }
                if (v.getReason() == PKIXReason.NO_TRUST_ANCHOR) {
                    return Kind.UNTRUSTED;
                }
            }
            if (t instanceof CertPathBuilderException) {
                return Kind.UNTRUSTED;
            }
        }
        return Kind.OTHER;
    }

    private static @Nullable Kind validity(X509Certificate c) {
        Date now = new Date();
        if (now.after(c.getNotAfter())) {
            return Kind.EXPIRED;
        }
        return now.before(c.getNotBefore()) ? Kind.NOT_YET_VALID : null;
    }

    private static X509Certificate firstWith(List<X509Certificate> chain, Kind kind, X509Certificate fallback) {
        for (X509Certificate c : chain) {
            if (validity(c) == kind) {
                return c;
            }
        }
        return fallback;
    }

    private static String role(List<X509Certificate> chain, X509Certificate c) {
        return c == chain.get(0) ? "" : "chain's CA certificate ";
    }

    private static boolean selfIssued(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }

    /** The certificate's first DNS name when it has one, the subject otherwise. */
    private static String subject(X509Certificate c) {
        try {
            Collection<List<?>> sans = c.getSubjectAlternativeNames();
            for (List<?> san : sans == null ? List.<List<?>>of() : sans) {
                if (Integer.valueOf(2).equals(san.get(0)) && san.get(1) instanceof String dns) {
                    return dns;
                }
            }
        } catch (CertificateParsingException | RuntimeException e) {
            // fall back to the subject
        }
        return c.getSubjectX500Principal().getName();
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }
}
