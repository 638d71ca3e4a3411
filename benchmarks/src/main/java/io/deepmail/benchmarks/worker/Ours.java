package io.deepmail.benchmarks.worker;

import io.deepmail.benchmarks.common.BenchPki;
import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.TransportMode;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TlsProviderPreference;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.MailTransport;
import io.deepmail.metrics.micrometer.MicrometerMailClientMetricsRecorder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import reactor.netty.resources.LoopResources;

/** What every "ours" peer shares: event loops, transport, account, targets and resolver. */
final class Ours {

    static final String USER = "bench";
    static final String PASSWORD = "bench-password";
    static final Account ACCOUNT = Account.builder("bench@bench.test")
            .credentials(CredentialsProvider.of(new Credentials.Password(USER, PASSWORD))).build();

    private Ours() {
    }

    /** Event loops for ours and for the raw Netty floor: one per processor, daemon threads. */
    static LoopResources loops() {
        return LoopResources.create("bench", Math.max(1, Runtime.getRuntime().availableProcessors()), true);
    }

    static MailTransport transport(LoopResources loops, WorkerConfig config) {
        return transport(MailResources.of(loops), config);
    }

    static MailTransport transport(MailResources resources, WorkerConfig config) {
        TlsOptions.Builder tls = TlsOptions.builder()
                .trustAnchors(TrustAnchors.of(BenchPki.ca(config.pki())))
                .provider(config.boringSsl() ? TlsProviderPreference.BORINGSSL : TlsProviderPreference.JDK);
        if (config.x25519Only()) {
            tls.namedGroups(List.of("x25519"));
        }
        MailTransport transport = MailTransport.create(resources).tls(tls.build());
        if (config.micrometer()) {
            transport = MicrometerMailClientMetricsRecorder.create(new SimpleMeterRegistry()).instrument(transport);
        }
        return transport;
    }

    static AddressResolver resolver() {
        return AddressResolver.of(Map.of(BenchPki.HOST, List.of(InetAddress.getLoopbackAddress())));
    }

    static Targets targets(MailProtocol protocol, int port) {
        return Targets.endpoints(protocol, new Endpoint(protocol, BenchPki.HOST, port, TransportMode.IMPLICIT));
    }
}
