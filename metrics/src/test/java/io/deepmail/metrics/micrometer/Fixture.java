package io.deepmail.metrics.micrometer;

import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.TransportMode;
import io.deepmail.core.security.AuthenticationMethod;
import io.deepmail.core.security.DiscoveryTrust;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.security.SessionSecurityEvent;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestCa;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TlsProvider;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.ConnectRequest;
import io.deepmail.core.transport.ExchangeEngine;
import io.deepmail.core.transport.ExchangeOptions;
import io.deepmail.core.transport.FifoCorrelator;
import io.deepmail.core.transport.MailConnection;
import io.deepmail.core.transport.MailDecoder;
import io.deepmail.core.transport.MailTransport;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.string.StringEncoder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;

/** Shared set-up: the test PKI, transports to scripted servers, a line codec and meter queries. */
final class Fixture {

    static final String HOST = "mail.example.test";
    static final Duration WAIT = Duration.ofSeconds(10);

    private Fixture() {
    }

    static MailTransport transport(MailResources resources, MicrometerMailClientMetricsRecorder recorder) {
        return recorder.instrument(MailTransport.create(resources)
                .tls(TlsOptions.builder().trustAnchors(TrustAnchors.of(Pki.CA.certificate())).build()));
    }

    static Endpoint endpoint(ScriptedTlsServer server, TransportMode mode) {
        return new Endpoint(MailProtocol.IMAP, HOST, server.port(), mode);
    }

    static ConnectRequest request(ScriptedTlsServer server, TransportMode mode) {
        return ConnectRequest.manual(endpoint(server, mode)).withAddress(server.address());
    }

    /** Adds a CRLF line codec and a FIFO engine. */
    static ExchangeEngine<String, String> lineEngine(MailConnection connection) {
        connection.addCodec("lines", new Lines()).addCodec("strings", new StringEncoder(StandardCharsets.US_ASCII));
        return connection.exchange(FifoCorrelator.instance(), ExchangeOptions.defaults());
    }

    /** Reads the greeting. */
    static Flux<String> greeting(ExchangeEngine<String, String> engine) {
        return engine.exchange(Flux.<String>empty(), line -> true);
    }

    static SessionSecurityEvent event(Endpoint endpoint, String version, String cipher, AuthenticationMethod auth) {
        SessionSecurity security = new SessionSecurity(endpoint, new InetSocketAddress("127.0.0.1", endpoint.port()),
                TlsProvider.JDK, version, cipher, List.of(), auth, false, DiscoveryTrust.MANUAL);
        return new SessionSecurityEvent(Instant.now(), security, Duration.ofMillis(3), Duration.ofMillis(5));
    }

    /** Every meter of the registry as {@code name{k=v,...}}, sorted, for exact comparisons. */
    static List<String> meters(MeterRegistry registry) {
        return registry.getMeters().stream().map(Fixture::describe).sorted().toList();
    }

    static String describe(Meter meter) {
        Map<String, String> tags = new TreeMap<>();
        meter.getId().getTags().forEach(t -> tags.put(t.getKey(), t.getValue()));
        return meter.getId().getName() + tags.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** Waits on the test thread (never an event loop) until the condition holds. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    /** CRLF lines as strings. */
    static final class Lines extends MailDecoder {
        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            int eol = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (eol >= 0) {
                out.add(in.readCharSequence(eol - in.readerIndex() + 1, StandardCharsets.US_ASCII).toString().strip());
            }
        }
    }

    /**
     * The test PKI, in its own holder: generating keys reads the system's random source, which must
     * happen on the test thread, never on an event loop that merely touches {@link Fixture}.
     */
    static final class Pki {
        static final TestCa CA = TestPki.rsa();
        static final Credential SERVER = CA.leaf().dns(HOST).issue();

        private Pki() {
        }
    }
}
