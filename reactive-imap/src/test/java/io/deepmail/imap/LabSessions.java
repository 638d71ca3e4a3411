package io.deepmail.imap;

import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.testkit.LabEnvironment;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.MailTransport;
import io.deepmail.imap.response.FetchChunk;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;

/** The lab's hosts, accounts and endpoints for the IMAP interop tests, and clients that trust the lab CA. */
final class LabSessions {

    static final Duration WAIT = Duration.ofSeconds(20);

    private LabSessions() {
    }

    /** TLS options trusting the lab CA, to refine per test. */
    static TlsOptions.Builder tls(LabEnvironment env) throws Exception {
        return TlsOptions.builder().trustAnchors(TrustAnchors.fromPem(env.path("LAB_CA_PEM")));
    }

    /** A client on {@code transport} resolving the lab's host names (the strict one to 127.0.0.2). */
    static ImapClient client(LabEnvironment env, MailTransport transport) throws Exception {
        InetAddress ip4 = InetAddress.getByName(env.get("LAB_IP4"));
        return ImapClient.create(transport).resolver(AddressResolver.of(Map.of(
                env.get("LAB_STRICT_HOST"), List.of(InetAddress.getByName(env.get("LAB_STRICT_IP"))),
                env.get("LAB_HOST"), List.of(ip4),
                env.get("LAB_TLS13_HOST"), List.of(ip4),
                env.get("LAB_CLEAR_HOST"), List.of(ip4))));
    }

    static ImapClient client(LabEnvironment env, MailResources resources) throws Exception {
        return client(env, MailTransport.create(resources).tls(tls(env).build()));
    }

    static Account user(LabEnvironment env, String n) {
        return Account.builder(env.get("LAB_USER" + n)).credentials(CredentialsProvider.of(
                new Credentials.Password(env.get("LAB_USER" + n), env.get("LAB_USER" + n + "_PASSWORD")))).build();
    }

    static Endpoint endpoint(LabEnvironment env, String hostKey, String portKey, TransportMode mode) {
        return new Endpoint(MailProtocol.IMAP, env.get(hostKey), env.port(portKey), mode);
    }

    static Targets targets(Endpoint... endpoints) {
        return Targets.endpoints(MailProtocol.IMAP, endpoints);
    }

    /** Implicit TLS on the main instance, by its host name. */
    static Targets main(LabEnvironment env) {
        return targets(endpoint(env, "LAB_HOST", "LAB_IMAPS_PORT", TransportMode.IMPLICIT));
    }

    /** The bytes of every FetchChunk among {@code results} (a FETCH or any untagged data), each released. */
    static byte[] collect(Flux<?> results) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        results.ofType(FetchChunk.class).doOnNext(c -> {
            try {
                byte[] b = new byte[c.content().readableBytes()];
                c.content().readBytes(b);
                out.writeBytes(b);
            } finally {
                c.release();
            }
        }).blockLast(WAIT);
        return out.toByteArray();
    }
}
