package io.deepmail.core.latch;

import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.security.AuthenticationMethod;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.security.DiscoveryTrust;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.tls.TlsProvider;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/** Security records and accounts for latch rule tests. */
final class Sessions {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final Endpoint IMAPS = Endpoint.of(MailProtocol.IMAP, "mail.example.test", TransportMode.IMPLICIT);
    static final Endpoint SUBMISSIONS = Endpoint.of(MailProtocol.SUBMISSION, "mail.example.test", TransportMode.IMPLICIT);
    static final String ECDHE = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
    static final String STATIC_RSA = "TLS_RSA_WITH_AES_128_GCM_SHA256";
    static final String TLS13 = "TLS_AES_128_GCM_SHA256";

    private Sessions() {
    }

    static Account account() {
        return Account.builder("alice@example.test").credentials(noCredentials()).build();
    }

    static Account levelZero(String address) {
        Account.Builder b = Account.builder(address).credentials(noCredentials());
        b.lowerMinimumLevel(ConfidentialityLevel.NONE);
        return b.build();
    }

    static CredentialsProvider noCredentials() {
        return () -> Mono.error(new AssertionError("credentials must not be asked for"));
    }

    static SessionSecurity pkix(Endpoint endpoint, String version, String suite) {
        return session(endpoint, version, suite, AuthenticationMethod.PKIX, List.of());
    }

    static SessionSecurity tls13(Endpoint endpoint) {
        return pkix(endpoint, "TLSv1.3", TLS13);
    }

    static SessionSecurity session(Endpoint endpoint, String version, String suite, AuthenticationMethod auth,
            List<X509Certificate> chain) {
        return new SessionSecurity(endpoint, new InetSocketAddress("127.0.0.1", endpoint.port()), TlsProvider.JDK,
                version, suite, chain, auth, false, DiscoveryTrust.MANUAL);
    }

    static SessionSecurity cleartext(Endpoint tlsEndpoint) {
        Endpoint plain = new Endpoint(tlsEndpoint.protocol(), tlsEndpoint.host(), tlsEndpoint.port(),
                TransportMode.PLAINTEXT);
        return SessionSecurity.cleartext(plain, new InetSocketAddress("127.0.0.1", plain.port()), DiscoveryTrust.MANUAL);
    }
}
