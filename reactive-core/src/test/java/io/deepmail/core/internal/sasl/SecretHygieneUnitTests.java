package io.deepmail.core.internal.sasl;

import static io.deepmail.core.internal.sasl.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.auth.Credentials;
import io.deepmail.core.sasl.SaslClient;
import io.deepmail.core.sasl.SaslCodec;
import io.deepmail.core.sasl.SaslMechanism;
import io.deepmail.core.sasl.SaslMechanisms;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Drives every mechanism down its good and bad paths and scans everything printable for secrets. */
class SecretHygieneUnitTests {

    private static final String USER = "alice@example.test";
    private static final String PASSWORD = "Zx9-pencil-SECRET";
    private static final String TOKEN = "ya29.TOKEN-SECRET-vF9dft4q";
    private static final List<String> SECRETS = List.of(PASSWORD, TOKEN,
            Base64.getEncoder().encodeToString(utf8(PASSWORD)), Base64.getEncoder().encodeToString(utf8(TOKEN)),
            "SECRET");

    private final List<String> printed = new ArrayList<>();

    private void print(Object o) {
        printed.add(String.valueOf(o));
    }

    private void record(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            print(c);
            print(c.getMessage());
            print(c.getLocalizedMessage());
        }
    }

    private void attempt(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            record(e);
        }
    }

    private void drive(SaslMechanism mechanism, Credentials credentials, Consumer<SaslClient> script) {
        print(mechanism);
        print(credentials);
        attempt(() -> {
            SaslClient client = mechanism.newClient(credentials);
            print(client);
            attempt(() -> script.accept(client));
            print(client);
        });
    }

    @Test
    @DisplayName("no secret appears in any toString or exception message, on good and bad paths")
    void noSecretPrinted() {
        Credentials password = new Credentials.Password(USER, PASSWORD);
        Credentials token = new Credentials.OAuth2Token(USER, TOKEN);
        for (SaslMechanism m : List.of(SaslMechanisms.PLAIN, SaslMechanisms.LOGIN, SaslMechanisms.SCRAM_SHA_256,
                SaslMechanisms.XOAUTH2, SaslMechanisms.OAUTHBEARER, SaslMechanisms.EXTERNAL)) {
            Credentials c = m.supports(password) ? password : token;
            drive(m, c, client -> {
                client.initialResponse();
                client.verifySuccess(null);
            });
            drive(m, c, client -> {
                client.evaluateChallenge(new byte[0]);
                client.evaluateChallenge(utf8("{\"status\":\"invalid_token\"}"));
                client.evaluateChallenge(utf8("e=other"));
            });
            drive(m, c, client -> client.evaluateChallenge(utf8("not empty")));
            drive(m, c, client -> {
                client.initialResponse();
                client.initialResponse();
            });
            drive(m, c, client -> print(client.explainRefusal(new BearerTokenSaslClientUnitTests.Refused())));
            drive(m, m.supports(password) ? token : password, client -> { });
        }
        drive(SaslMechanisms.SCRAM_SHA_256, password, client -> {
            client.initialResponse();
            client.evaluateChallenge(utf8("r=elsewhere,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"));
        });
        drive(SaslMechanisms.PLAIN, new Credentials.Password(USER, PASSWORD + "\0"), client -> { });
        drive(SaslMechanisms.XOAUTH2, new Credentials.OAuth2Token(USER, TOKEN + "\u0001"), client -> { });
        attempt(() -> {
            SaslClient scram = ScramSha256SaslClientUnitTests.afterClientFinal();
            print(scram);
            attempt(() -> scram.evaluateChallenge(utf8("v=AAAA")));
            attempt(() -> scram.verifySuccess(null));
        });
        attempt(() -> SaslCodec.decode(Base64.getEncoder().encodeToString(utf8(PASSWORD)) + "!"));
        attempt(() -> SaslMechanisms.select(List.of("PLAIN"), password, List.of(), io.deepmail.core.sasl.ChannelProtection.CLEARTEXT));

        assertThat(printed).hasSizeGreaterThan(60);
        assertThat(printed).allSatisfy(line -> assertThat(line).doesNotContain(SECRETS));
    }
}
