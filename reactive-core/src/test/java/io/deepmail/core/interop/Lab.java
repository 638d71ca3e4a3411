package io.deepmail.core.interop;

import io.deepmail.core.Endpoint;
import io.deepmail.core.MailResources;
import io.deepmail.core.TransportMode;
import io.deepmail.core.testkit.LabEnvironment;
import io.deepmail.core.tls.ReferenceIdentifiers;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TlsProvider;
import io.deepmail.core.tls.TlsProviderPreference;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.ConnectRequest;
import io.deepmail.core.transport.MailTransport;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * What every interop test needs from the running lab: the CA as the only trust anchor, and
 * requests that connect to a lab address while naming a host the certificate carries. The lab's
 * names resolve only through its own Unbound, so the tests connect by IP and keep the name for
 * SNI and the identity check.
 */
final class Lab {

    /** The name every lab server answers to; its certificates carry it. */
    static final String HOST = "mail.example.test";

    /** Upper bound for one step of a dialogue, or one connection attempt. */
    static final Duration WAIT = Duration.ofSeconds(15);

    private final LabEnvironment env;
    private final TrustAnchors anchors;

    private Lab(LabEnvironment env) {
        this.env = env;
        this.anchors = TrustAnchors.fromPem(env.path("LAB_CA_PEM"));
    }

    /** The running lab; skips the test (or fails it under DEEPMAIL_LAB_REQUIRED=1) otherwise. */
    static Lab require() {
        return new Lab(LabEnvironment.require());
    }

    LabEnvironment env() {
        return env;
    }

    /** Both TLS implementations the core can handshake with. */
    static List<TlsProviderPreference> providers() {
        return List.of(TlsProviderPreference.JDK, TlsProviderPreference.BORINGSSL);
    }

    static TlsProvider expected(TlsProviderPreference provider) {
        return provider == TlsProviderPreference.JDK ? TlsProvider.JDK : TlsProvider.BORINGSSL;
    }

    /** TLS options trusting the lab CA only. */
    TlsOptions.Builder tls(TlsProviderPreference provider) {
        return TlsOptions.builder().trustAnchors(anchors).provider(provider);
    }

    MailTransport transport(MailResources resources, TlsProviderPreference provider) {
        return transport(resources, tls(provider).build());
    }

    static MailTransport transport(MailResources resources, TlsOptions options) {
        return MailTransport.create(resources).tls(options);
    }

    /** A manual request for {@code host} on the lab port named {@code portKey}, connecting to {@code ip}. */
    ConnectRequest request(Dialect dialect, TransportMode mode, String host, String ip, String portKey) {
        int port = env.port(portKey);
        return ConnectRequest.manual(new Endpoint(dialect.protocol(), host, port, mode))
                .withAddress(new InetSocketAddress(ip, port));
    }

    /** The main instance (or Postfix) as {@link #HOST} on LAB_IP4. */
    ConnectRequest request(Dialect dialect, TransportMode mode) {
        return request(dialect, mode, HOST, env.get("LAB_IP4"), dialect.portKey(mode));
    }

    /** The same address and endpoint, checked against other reference identifiers. */
    static ConnectRequest withIdentifiers(ConnectRequest request, ReferenceIdentifiers ids) {
        return new ConnectRequest(request.endpoint(), ids, request.discoveryTrust(), request.address());
    }

    /** Connects, reads the greeting and brings TLS up: STARTTLS at once for a STARTTLS endpoint. */
    static Mono<LineSession> secured(MailTransport transport, ConnectRequest request, Dialect dialect) {
        return LineSession.open(transport, request, dialect).flatMap(session -> {
            if (request.endpoint().mode() != TransportMode.STARTTLS) {
                return Mono.just(session);
            }
            return session.startTls().thenReturn(session)
                    .onErrorResume(e -> session.close().then(Mono.error(e)));
        });
    }
}
