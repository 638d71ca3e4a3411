package io.deepmail.core.internal.tls;

import io.deepmail.core.DnssecBogusException;
import io.deepmail.core.TlsPolicyException;
import io.deepmail.core.TlsRequiredException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.DnssecStatus;
import io.deepmail.core.dns.TlsaRecord;
import io.deepmail.core.transport.ConnectRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Chooses how one connection's server is authenticated. The single place where that decision is
 * made, shared by Implicit TLS and STARTTLS: DANE when the request carries a DNSSEC-secure TLSA
 * answer with a usable record (REQUIREMENTS §7.1 step 4), PKIX otherwise.
 */
public final class PeerVerifiers {

    private PeerVerifiers() {
    }

    /**
     * The verification state for a new handshake of {@code request}.
     *
     * @param context the TLS context (trust anchors, CN-ID flag)
     * @param request the connection request (reference identifiers, TLSA answer)
     * @return a fresh verification state
     */
    public static PeerVerification forRequest(ClientTlsContext context, ConnectRequest request) {
        List<TlsaRecord> tlsa = daneRecords(request);
        boolean compat = context.options().cnIdCompatibility();
        PeerVerifier verifier = tlsa.isEmpty()
                ? new PkixPeerVerifier(context.pkix(), request.identifiers(), compat)
                : new DanePeerVerifier(context.pkix(), tlsa, request.identifiers(), compat);
        return new PeerVerification(verifier);
    }

    /**
     * The TLSA records DANE uses for a request: those of a SECURE answer that are usable, keeping only
     * the strongest digest per usage and selector (RFC 7671 §4, §9).
     *
     * @param request the request
     * @return the records; empty when DANE does not apply (no answer, not SECURE, a denial, or
     *     nothing usable), and PKIX decides
     */
    public static List<TlsaRecord> daneRecords(ConnectRequest request) {
        DnsAnswer<TlsaRecord> answer = request.tlsa();
        if (answer == null || answer.status() != DnssecStatus.SECURE) {
            return List.of();
        }
        return DaneMatcher.effective(answer.records());
    }

    /**
     * Why a request must not even open a TCP connection, if it must not: its TLSA answer is BOGUS or
     * INDETERMINATE (RFC 7673 §3.4, DANE-03), or usable TLSA records make TLS mandatory and the endpoint
     * is cleartext (RFC 7673 §3.4, DANE-04).
     *
     * @param request the request
     * @return the typed failure, or {@code null} when the connection may proceed
     */
    public static @Nullable TlsPolicyException refusal(ConnectRequest request) {
        DnsAnswer<TlsaRecord> answer = request.tlsa();
        if (answer == null) {
            return null;
        }
        if (!answer.status().usable()) {
            return new DnssecBogusException("the TLSA records of " + request.endpoint() + " (" + answer.name()
                    + ") are DNSSEC " + answer.status() + ", which may be an attack: this server is not connected to."
                    + " Check the domain's DNSSEC signatures and the resolver; other servers of the service may "
                    + "still be tried");
        }
        if (request.endpoint().mode() == TransportMode.PLAINTEXT && !daneRecords(request).isEmpty()) {
            return new TlsRequiredException(request.endpoint() + " publishes DNSSEC-secured TLSA records ("
                    + answer.name() + "), which make TLS mandatory for it; a cleartext connection is refused. "
                    + "Use its Implicit TLS or STARTTLS endpoint");
        }
        return null;
    }
}
