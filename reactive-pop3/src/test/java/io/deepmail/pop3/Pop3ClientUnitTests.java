package io.deepmail.pop3;

import static io.deepmail.pop3.Pop3Fixture.ALICE;
import static io.deepmail.pop3.Pop3Fixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.CertificatePathException;
import io.deepmail.core.Endpoint;
import io.deepmail.core.SessionObserver;
import io.deepmail.core.TransportMode;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.connect.ConnectOptions;
import io.deepmail.core.discovery.AccountDiscovery;
import io.deepmail.core.dns.DnsLookup;
import io.deepmail.core.dns.DnsOptions;
import io.deepmail.core.latch.LatchService;
import io.deepmail.core.latch.LatchStores;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.TimeoutOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/**
 * {@link Pop3Client} is copy-on-write: every configuring call returns a new client, and the
 * original keeps behaving exactly as before, checked by connecting with both.
 */
class Pop3ClientUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static Script greeting() {
        return Script.builder().send("+OK ready\r\n").expectLine("CAPA").send("+OK\r\n.\r\n").awaitClose().build();
    }

    private static ScriptedTlsServer servers() throws Exception {
        return ScriptedTlsServer.builder().credential(Pop3Fixture.GOOD.key(), Pop3Fixture.GOOD.chain()).implicitTls()
                .scripts(i -> greeting()).start();
    }

    private static void connects(Pop3Client client, ScriptedTlsServer server) {
        client.connect(ALICE, Pop3Fixture.targets(server, TransportMode.IMPLICIT))
                .flatMap(session -> session.close().thenReturn(session)).as(StepVerifier::create)
                .expectNextCount(1).expectComplete().verify(WAIT);
    }

    @Test
    @DisplayName("tls(...) and resolver(...) return new clients; the original still trusts nothing extra and "
            + "resolves through the system")
    void tlsAndResolver() throws Exception {
        Pop3Client base = Pop3Client.create(RESOURCES.get())
                .resolver(AddressResolver.of(Map.of(Pop3Fixture.HOST, List.of(InetAddress.getByName("127.0.0.1")))));
        try (ScriptedTlsServer server = servers()) {
            Pop3Client trusting = base.tls(TlsOptions.builder().trustAnchors(TrustAnchors.of(Pop3Fixture.CA.certificate()))
                    .build());
            assertThat(trusting).isNotSameAs(base);
            connects(trusting, server);
            base.connect(ALICE, Pop3Fixture.targets(server, TransportMode.IMPLICIT)).as(StepVerifier::create)
                    .expectErrorSatisfies(e -> assertThat(Pop3Fixture.reason(e))
                            .isInstanceOf(CertificatePathException.class))
                    .verify(WAIT);

            Pop3Client fixture = Pop3Fixture.client(RESOURCES.get());
            Pop3Client unresolvable = fixture.resolver(AddressResolver.of(Map.of()));
            assertThat(unresolvable).isNotSameAs(fixture);
            unresolvable.connect(ALICE, Pop3Fixture.targets(server, TransportMode.IMPLICIT)).as(StepVerifier::create)
                    .expectError().verify(WAIT);
            connects(fixture, server);
        }
    }

    @Test
    @DisplayName("options(...), timeouts(...) and connectOptions(...) return new clients and leave the original's "
            + "options and behaviour alone")
    void optionsTimeoutsConnectOptions() throws Exception {
        Pop3Client base = Pop3Fixture.client(RESOURCES.get());
        Pop3ClientOptions before = base.options();
        Pop3ClientOptions other = Pop3ClientOptions.builder().pipelining(false).chunkSize(128).build();
        Pop3Client changed = base.options(other);
        assertThat(changed).isNotSameAs(base);
        assertThat(changed.options()).isEqualTo(other);
        assertThat(base.options()).isSameAs(before);
        Pop3Client timed = base.timeouts(TimeoutOptions.defaults());
        Pop3Client raced = base.connectOptions(ConnectOptions.defaults());
        assertThat(List.of(timed, raced)).doesNotContain(base);
        try (ScriptedTlsServer server = servers()) {
            connects(timed, server);
            connects(raced, server);
            connects(base, server);
        }
    }

    @Test
    @DisplayName("observe(...) and latches(...) add to a copy only: the original's sessions notify nobody")
    void observeAndLatches() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        SessionObserver observer = (Endpoint endpoint, SessionObserver.State state) -> {
            if (state != SessionObserver.State.DISCONNECTED) {
                seen.add(state.name());
            }
        };
        Pop3Client base = Pop3Fixture.client(RESOURCES.get());
        Pop3Client observed = base.observe(observer).latches(LatchService.create(LatchStores.inMemory())
                .observe(observer));
        assertThat(observed).isNotSameAs(base);
        try (ScriptedTlsServer server = servers()) {
            connects(base, server);
            assertThat(seen).isEmpty();
            connects(observed, server);
            assertThat(seen).contains("CONNECTED", "TLS_ESTABLISHED", "AUTHORIZATION", "LATCHED");
            int count = seen.size();
            connects(base, server);
            assertThat(seen).hasSize(count);
        }
    }

    @Test
    @DisplayName("discovery(...) and dns(...) return new clients; the original still needs a host for connect(account)")
    void discoveryAndDns() {
        DnsLookup dns = DnsLookup.create(RESOURCES.get(), DnsOptions.builder()
                .resolvers(List.of(new InetSocketAddress("127.0.0.1", 9))).build());
        try {
            Pop3Client base = Pop3Fixture.client(RESOURCES.get());
            Pop3Client viaDns = base.dns(dns);
            Pop3Client viaDiscovery = base.discovery(AccountDiscovery.create(dns));
            assertThat(List.of(viaDns, viaDiscovery)).doesNotContain(base);
            base.connect(ALICE).as(StepVerifier::create).expectError(IllegalStateException.class).verify(WAIT);
        } finally {
            dns.dispose();
        }
    }
}
