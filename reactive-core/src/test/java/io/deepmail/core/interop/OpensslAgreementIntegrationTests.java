package io.deepmail.core.interop;

import static io.deepmail.core.interop.Lab.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.MailResources;
import io.deepmail.core.TransportMode;
import io.deepmail.core.security.CipherSuites;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TlsProviderPreference;
import io.deepmail.core.tls.TlsVersion;
import io.deepmail.core.transport.ConnectRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The security record against {@code openssl s_client}: the same server, the same offer (TLS 1.3
 * with the client's TLS 1.3 suites in the client's order, or TLS 1.2 with one suite), and the
 * version and cipher suite must be exactly those s_client reports, OpenSSL names mapped to IANA.
 */
class OpensslAgreementIntegrationTests {

    private static final String TLS13_SUITES = String.join(":", TlsOptions.DEFAULT_TLS13_SUITES);
    private static MailResources resources;

    @BeforeAll
    static void start() {
        resources = MailResources.create();
    }

    @AfterAll
    static void stop() {
        resources.disposeLater().block(WAIT);
    }

    /** One server and one offer: {@code suite} null means the client's defaults with TLS 1.3. */
    record Offer(String name, Dialect dialect, TransportMode mode, String portKey, String suite) {

        List<String> opensslArgs() {
            List<String> args = new ArrayList<>();
            if (mode == TransportMode.STARTTLS) {
                args.addAll(List.of("-starttls", switch (dialect) {
                    case IMAP -> "imap";
                    case POP3 -> "pop3";
                    case SUBMISSION -> "smtp";
                }));
            }
            if (suite == null) {
                args.addAll(List.of("-tls1_3", "-ciphersuites", TLS13_SUITES));
            } else {
                args.addAll(List.of("-tls1_2", "-cipher", suite));
            }
            return args;
        }

        TlsOptions options(Lab lab, TlsProviderPreference provider) {
            TlsOptions.Builder b = lab.tls(provider);
            return suite == null ? b.build()
                    : b.versions(TlsVersion.TLS_1_2).cipherSuites(List.of(CipherSuites.ianaToken(suite))).build();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Arguments> cases() {
        List<Offer> offers = List.of(
                new Offer("IMAPS TLS 1.3", Dialect.IMAP, TransportMode.IMPLICIT, "LAB_IMAPS_PORT", null),
                new Offer("POP3S TLS 1.3", Dialect.POP3, TransportMode.IMPLICIT, "LAB_POP3S_PORT", null),
                new Offer("SUBMISSIONS TLS 1.3", Dialect.SUBMISSION, TransportMode.IMPLICIT, "LAB_SUBMISSIONS_PORT",
                        null),
                new Offer("IMAP STARTTLS TLS 1.3", Dialect.IMAP, TransportMode.STARTTLS, "LAB_IMAP_PORT", null),
                new Offer("POP3 STLS TLS 1.3", Dialect.POP3, TransportMode.STARTTLS, "LAB_POP3_PORT", null),
                new Offer("SUBMISSION STARTTLS TLS 1.3", Dialect.SUBMISSION, TransportMode.STARTTLS,
                        "LAB_SUBMISSION_PORT", null),
                new Offer("TLS-1.3-only IMAPS", Dialect.IMAP, TransportMode.IMPLICIT, "LAB_TLS13_IMAPS_PORT", null),
                new Offer("IMAPS TLS 1.2 ECDHE-RSA", Dialect.IMAP, TransportMode.IMPLICIT, "LAB_IMAPS_PORT",
                        "ECDHE-RSA-AES128-GCM-SHA256"),
                new Offer("SUBMISSIONS TLS 1.2 ECDHE-ECDSA", Dialect.SUBMISSION, TransportMode.IMPLICIT,
                        "LAB_SUBMISSIONS_PORT", "ECDHE-ECDSA-AES256-GCM-SHA384"));
        List<Arguments> cases = new ArrayList<>();
        for (Offer offer : offers) {
            for (TlsProviderPreference provider : Lab.providers()) {
                cases.add(Arguments.of(offer, provider));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("cases")
    @DisplayName("TAG-01/TAG-07/TLS-21: the record's version and cipher are exactly what openssl s_client "
            + "negotiates with the same server")
    void recordMatchesOpenssl(Offer offer, TlsProviderPreference provider) throws Exception {
        Lab lab = Lab.require();
        Assumptions.assumeTrue(OpensslClient.available(), "openssl is not installed");
        String ip = lab.env().get("LAB_IP4");
        ConnectRequest request = lab.request(offer.dialect(), offer.mode(), Lab.HOST, ip, offer.portKey());
        LineSession session = Lab.secured(Lab.transport(resources, offer.options(lab, provider)), request,
                offer.dialect()).block(WAIT);
        SessionSecurity security = session.connection().security().orElseThrow();
        session.quit().block(WAIT);

        OpensslClient.View openssl = OpensslClient.handshake(ip, lab.env().port(offer.portKey()), Lab.HOST,
                lab.env().path("LAB_CA_PEM"), offer.opensslArgs());

        assertThat(openssl.verified()).as("s_client verified the same server:\n%s", openssl.output()).isTrue();
        assertThat(security.tlsVersion()).isEqualTo(openssl.protocol());
        assertThat(security.cipherSuite()).isEqualTo(CipherSuites.ianaToken(openssl.cipher()));
        assertThat(security.logLine()).contains(": " + openssl.protocol() + " with cipher "
                + CipherSuites.ianaToken(openssl.cipher()) + " ");
    }
}
