package io.deepmail.pop3;

import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.connect.CandidatesExhaustedException;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestCa;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TrustAnchors;
import io.netty.buffer.ByteBuf;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Scripted POP3 servers on loopback, and a client that trusts their test CA. */
final class Pop3Fixture {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final String HOST = "pop.example.test";
    static final TestCa CA = TestPki.rsa();
    static final Credential GOOD = CA.leaf().dns(HOST).issue();
    static final Account ALICE = Account.builder("alice@example.test")
            .credentials(CredentialsProvider.of(new Credentials.Password("alice", "s3cret"))).build();
    /** AGFsaWNlAHMzY3JldA== is base64 of "\0alice\0s3cret". */
    static final String PLAIN_IR = "AUTH PLAIN AGFsaWNlAHMzY3JldA==";

    private Pop3Fixture() {
    }

    static Account cleartextAlice() {
        Account.Builder b = Account.builder("alice@example.test")
                .credentials(CredentialsProvider.of(new Credentials.Password("alice", "s3cret")))
                .cleartextConsent(true);
        b.lowerMinimumLevel(ConfidentialityLevel.NONE);
        return b.build();
    }

    static Pop3Client client(MailResources resources) {
        return client(resources, Pop3ClientOptions.defaults());
    }

    static Pop3Client client(MailResources resources, Pop3ClientOptions options) {
        try {
            return Pop3Client.create(resources)
                    .tls(TlsOptions.builder().trustAnchors(TrustAnchors.of(CA.certificate())).build())
                    .resolver(AddressResolver.of(Map.of(HOST, List.of(InetAddress.getByName("127.0.0.1")))))
                    .options(options);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static Targets targets(ScriptedTlsServer server, TransportMode mode) {
        return Targets.endpoints(MailProtocol.POP3, new Endpoint(MailProtocol.POP3, HOST, server.port(), mode));
    }

    static ScriptedTlsServer implicit(Script script) throws Exception {
        return ScriptedTlsServer.builder().credential(GOOD.key(), GOOD.chain()).implicitTls().script(script).start();
    }

    static ScriptedTlsServer cleartext(Script script) throws Exception {
        return ScriptedTlsServer.builder().credential(GOOD.key(), GOOD.chain()).script(script).start();
    }

    /** The typed reason behind a connector failure with one candidate. */
    static Throwable reason(Throwable failure) {
        if (failure instanceof CandidatesExhaustedException e && e.failures().size() == 1) {
            return e.failures().get(0).reason();
        }
        return failure;
    }

    /** Joins and releases streamed chunks. */
    static Mono<String> text(Flux<ByteBuf> chunks) {
        return chunks.reduce(new StringBuilder(), (sb, buf) -> {
            try {
                return sb.append(buf.toString(StandardCharsets.UTF_8));
            } finally {
                buf.release();
            }
        }).map(StringBuilder::toString).defaultIfEmpty("");
    }
}
