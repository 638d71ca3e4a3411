package io.deepmail.core.transport;

import static io.deepmail.core.transport.TransportFixture.WAIT;
import static io.deepmail.core.transport.TransportFixture.request;
import static io.deepmail.core.transport.TransportFixture.transport;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.TransportMode;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.core.testkit.Script;
import io.deepmail.core.testkit.ScriptedTlsServer;
import io.deepmail.core.testkit.TestCa;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.tls.TlsProviderPreference;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A server that speaks first must not lose its greeting when the protocol installs its codec, or
 * asks for the greeting, a little later than the bytes arrive.
 */
class EarlyGreetingUnitTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final TestCa CA = TestPki.rsa();
    private static final Credential SERVER = CA.leaf().dns(TransportFixture.HOST).issue();

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TransportMode.class, names = {"IMPLICIT", "STARTTLS"})
    @DisplayName("the greeting sent before the codec is installed reaches the first exchange, in order")
    void greetingBeforeCodec(TransportMode mode) throws Exception {
        Script script = Script.builder().send("* OK first line\r\n* OK second line\r\n").awaitClose().build();
        ScriptedTlsServer.Builder builder = ScriptedTlsServer.builder().credential(SERVER.key(), SERVER.chain())
                .script(script);
        if (mode == TransportMode.IMPLICIT) {
            builder.implicitTls();
        }
        try (ScriptedTlsServer server = builder.start()) {
            MailTransport transport = transport(RESOURCES.get(), CA, TlsProviderPreference.AUTO);
            List<String> lines = transport.connect(request(server, mode))
                    .delayElement(Duration.ofMillis(300))
                    .flatMap(connection -> {
                        ExchangeEngine<String, String> engine = TransportFixture.lineEngine(connection);
                        return Mono.delay(Duration.ofMillis(200))
                                .thenMany(engine.exchange(Flux.<String>empty(), l -> l.contains("second")))
                                .collectList()
                                .flatMap(l -> connection.close().thenReturn(l));
                    })
                    .block(WAIT);
            assertThat(lines).containsExactly("* OK first line", "* OK second line");
        }
    }
}
