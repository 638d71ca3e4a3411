package io.deepmail.core.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.deepmail.core.CertificatePathException;
import io.deepmail.core.DnssecBogusException;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TlsRequiredException;
import io.deepmail.core.TransportMode;
import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.DnssecStatus;
import io.deepmail.core.dns.TlsaRecord;
import io.deepmail.core.security.AuthenticationMethod;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.testkit.Tlsa;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TlsProviderPreference;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.ConnectRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The one place that decides how a connection is authenticated, and whether it may connect at all. */
class PeerVerifiersUnitTests {

    private static final String HOST = "mail.example.test";
    private static final String NAME = "_993._tcp." + HOST;
    private static final Credential EXPIRED_SELF_SIGNED = TestPki.rsa().leaf().dns(HOST).selfSigned().expired().issue();
    private static final TlsaRecord MATCHING = Tlsa.of(3, 1, 1, EXPIRED_SELF_SIGNED.leaf());

    private static ConnectRequest request(TransportMode mode, DnsAnswer<TlsaRecord> tlsa) {
        Endpoint endpoint = new Endpoint(MailProtocol.IMAP, HOST, 993, mode);
        return ConnectRequest.manual(endpoint).withTlsa(tlsa);
    }

    @Test
    @DisplayName("DANE-05: a SECURE answer with a usable record makes the verifier DANE; without one it is PKIX")
    void choosesDaneOnlyForSecureUsableRecords() {
        ClientTlsContext context = ClientTlsContext.build(TlsOptions.builder().provider(TlsProviderPreference.JDK)
                .trustAnchors(TrustAnchors.of(TestPki.rsa().certificate())).build());
        PeerVerification dane = PeerVerifiers.forRequest(context,
                request(TransportMode.IMPLICIT, Tlsa.secure(NAME, MATCHING)));
        assertThat(dane.verify(EXPIRED_SELF_SIGNED.chain(), "ECDHE_RSA").method()).isEqualTo(AuthenticationMethod.DANE_EE);

        for (DnsAnswer<TlsaRecord> ignored : List.of(Tlsa.answer(NAME, DnssecStatus.INSECURE, MATCHING),
                Tlsa.secure(NAME, new TlsaRecord(4, 1, 1, MATCHING.data())),
                new DnsAnswer<TlsaRecord>(NAME, List.of(), DnsAnswer.Outcome.NXDOMAIN, DnssecStatus.SECURE,
                        Duration.ofSeconds(60)))) {
            PeerVerification pkix = PeerVerifiers.forRequest(context, request(TransportMode.IMPLICIT, ignored));
            assertThatExceptionOfType(CertificatePathException.class)
                    .isThrownBy(() -> pkix.verify(EXPIRED_SELF_SIGNED.chain(), "ECDHE_RSA"));
        }
    }

    @Test
    @DisplayName("DANE-08/09: the records DANE uses are the usable ones of a SECURE answer, strongest digest only")
    void daneRecords() {
        TlsaRecord weaker = Tlsa.of(3, 1, 0, EXPIRED_SELF_SIGNED.leaf());
        assertThat(PeerVerifiers.daneRecords(request(TransportMode.IMPLICIT,
                Tlsa.secure(NAME, weaker, MATCHING, new TlsaRecord(3, 2, 1, new byte[32]))))).containsExactly(MATCHING);
        assertThat(PeerVerifiers.daneRecords(request(TransportMode.IMPLICIT,
                Tlsa.answer(NAME, DnssecStatus.INSECURE, MATCHING)))).isEmpty();
        assertThat(PeerVerifiers.daneRecords(ConnectRequest.manual(
                new Endpoint(MailProtocol.IMAP, HOST, 993, TransportMode.IMPLICIT)))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = DnssecStatus.class, names = {"BOGUS", "INDETERMINATE"})
    @DisplayName("DANE-03: a BOGUS or INDETERMINATE TLSA answer refuses the target, whatever the records say")
    void bogusRefused(DnssecStatus status) {
        for (TransportMode mode : TransportMode.values()) {
            assertThat(PeerVerifiers.refusal(request(mode, Tlsa.answer(NAME, status, MATCHING))))
                    .isInstanceOf(DnssecBogusException.class).hasMessageContaining(status.name())
                    .hasMessageContaining(NAME);
        }
    }

    @Test
    @DisplayName("DANE-04: usable SECURE records refuse a cleartext endpoint; insecure or unusable ones do not")
    void tlsMandatory() {
        assertThat(PeerVerifiers.refusal(request(TransportMode.PLAINTEXT, Tlsa.secure(NAME, MATCHING))))
                .isInstanceOf(TlsRequiredException.class);
        assertThat(PeerVerifiers.refusal(request(TransportMode.PLAINTEXT,
                Tlsa.answer(NAME, DnssecStatus.INSECURE, MATCHING)))).isNull();
        assertThat(PeerVerifiers.refusal(request(TransportMode.PLAINTEXT,
                Tlsa.secure(NAME, new TlsaRecord(3, 1, 1, new byte[3]))))).isNull();
        assertThat(PeerVerifiers.refusal(request(TransportMode.IMPLICIT, Tlsa.secure(NAME, MATCHING)))).isNull();
        assertThat(PeerVerifiers.refusal(request(TransportMode.STARTTLS, Tlsa.secure(NAME, MATCHING)))).isNull();
    }
}
