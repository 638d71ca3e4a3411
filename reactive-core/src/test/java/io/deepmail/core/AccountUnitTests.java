package io.deepmail.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.security.ConfidentialityLevel;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class AccountUnitTests {

    private static final CredentialsProvider PASSWORD =
            CredentialsProvider.of(new Credentials.Password("alice@example.test", "s3cret"));

    @Test
    @DisplayName("LAT-01: a new account defaults to level 1")
    void defaultsToLevelOne() {
        Account a = Account.builder("Alice@Example.TEST").credentials(PASSWORD).build();
        assertThat(a.minimumLevel()).isEqualTo(ConfidentialityLevel.VERIFIED);
        assertThat(a.domain()).isEqualTo("example.test");
        assertThat(a.localPart()).isEqualTo("Alice");
        assertThat(a.latchKey()).isEqualTo("alice@example.test");
        assertThat(a.cleartextConsent()).isFalse();
    }

    @Test
    @DisplayName("TLS-08/LAT-10: lowering the level is an explicit edit that returns a privacy warning")
    void loweringReturnsWarning() {
        Account a = Account.builder("alice@example.test").credentials(PASSWORD).build();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> a.mutate().minimumLevel(ConfidentialityLevel.NONE))
                .withMessageContaining("lowerMinimumLevel");
        Account.Builder edit = a.mutate();
        PrivacyWarning warning = edit.lowerMinimumLevel(ConfidentialityLevel.NONE);
        assertThat(warning.previous()).isEqualTo(ConfidentialityLevel.VERIFIED);
        assertThat(warning.now()).isEqualTo(ConfidentialityLevel.NONE);
        assertThat(warning.message()).contains("passwords and messages");
        assertThat(edit.build().minimumLevel()).isEqualTo(ConfidentialityLevel.NONE);
        assertThat(a.minimumLevel()).as("the original is unchanged").isEqualTo(ConfidentialityLevel.VERIFIED);
    }

    @Test
    @DisplayName("EXT-05: cleartext consent exists only on level-0 accounts")
    void cleartextOnlyAtLevelZero() {
        assertThatIllegalArgumentException().isThrownBy(() -> Account.builder("alice@example.test")
                .credentials(PASSWORD).cleartextConsent(true).build());
    }

    @Test
    @DisplayName("the credentials provider is asked anew on every subscription, and secrets never print")
    void providerIsLazy() {
        AtomicInteger calls = new AtomicInteger();
        CredentialsProvider tokens = CredentialsProvider.oauth2("alice@example.test",
                Mono.fromSupplier(() -> "token-" + calls.incrementAndGet()));
        assertThat(calls).hasValue(0);
        assertThat(tokens.credentials().block(Duration.ofSeconds(1))).isEqualTo(
                new Credentials.OAuth2Token("alice@example.test", "token-1"));
        assertThat(tokens.credentials().block(Duration.ofSeconds(1))).hasToString(
                "OAuth2Token[username=alice@example.test, accessToken=***]");
        assertThat(calls).hasValue(2);
    }

    @Test
    @DisplayName("malformed addresses are refused")
    void malformed() {
        assertThatIllegalArgumentException().isThrownBy(() -> Account.builder("no-at-sign").credentials(PASSWORD)
                .build());
        assertThatIllegalArgumentException().isThrownBy(() -> Account.builder("alice@").credentials(PASSWORD)
                .build());
    }
}
