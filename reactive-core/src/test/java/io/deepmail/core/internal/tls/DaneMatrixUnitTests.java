package io.deepmail.core.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.deepmail.core.DaneVerificationException;
import io.deepmail.core.dns.TlsaRecord;
import io.deepmail.core.security.AuthenticationMethod;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.KeyType;
import io.deepmail.core.testkit.TestCa;
import io.deepmail.core.testkit.TestPki;
import io.deepmail.core.testkit.Tlsa;
import io.deepmail.core.tls.ReferenceIdentifiers;
import io.deepmail.core.tls.TrustAnchors;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DANE matrix, in the manner of OpenSSL's {@code danetest}: for each server key type, every
 * certificate usage (0-3) × selector (0, 1) × matching type (0, 1, 2), once with association data
 * computed from the certificate the usage names and once from another certificate: 2 × 4 × 2 × 3 × 2 =
 * 96 cases, each a single-record RRset verified against a real {@code [leaf, CA]} chain.
 *
 * <p>For the PKIX usages (0, 1) the local trust store holds the issuing CA; for the DANE usages (2, 3)
 * it holds only an unrelated root, which shows that they do not need it.
 */
class DaneMatrixUnitTests {

    static final String HOST = "mail.example.test";
    static final int MATRIX_SIZE = 96;

    /** One server of a key type, and the certificates a matrix case takes its data from. */
    record Server(KeyType type, TestCa ca, Credential credential, X509Certificate strangerLeaf,
            X509Certificate strangerCa) {

        static Server of(KeyType type) {
            TestCa ca = TestPki.trusted(type);
            KeyType other = type == KeyType.RSA ? KeyType.EC : KeyType.RSA;
            X509Certificate strangerLeaf = TestPki.unknownRoot(other).leaf().dns(HOST).issue().leaf();
            return new Server(type, ca, ca.leaf().dns(HOST).issue(), strangerLeaf,
                    TestPki.unknownRoot(type).certificate());
        }

        String authType() {
            return type == KeyType.RSA ? "ECDHE_RSA" : "ECDHE_ECDSA";
        }

        @Override
        public String toString() {
            return type.name();
        }
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (KeyType type : KeyType.values()) {
            Server server = Server.of(type);
            for (int usage = 0; usage <= 3; usage++) {
                for (int selector = 0; selector <= 1; selector++) {
                    for (int matchingType = 0; matchingType <= 2; matchingType++) {
                        for (boolean matching : new boolean[] {true, false}) {
                            cases.add(Arguments.of(server, usage, selector, matchingType, matching));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @Test
    @DisplayName("DANE-05..09: the matrix covers 2 key types x 4 usages x 2 selectors x 3 matching types x match/mismatch")
    void matrixSize() {
        assertThat(matrix().count()).isEqualTo(MATRIX_SIZE);
    }

    @ParameterizedTest(name = "{0} leaf, TLSA {1} {2} {3}, matching={4}")
    @MethodSource("matrix")
    @DisplayName("DANE-05/06/07: each usage x selector x matching type authenticates when it matches and fails when not")
    void matrix(Server server, int usage, int selector, int matchingType, boolean matching) {
        boolean endEntity = usage == 1 || usage == 3;
        X509Certificate named = endEntity ? server.credential().leaf() : server.ca().certificate();
        X509Certificate other = endEntity ? server.strangerLeaf() : server.strangerCa();
        TlsaRecord record = Tlsa.of(usage, selector, matchingType, matching ? named : other);
        TrustAnchors local = usage <= 1 ? TrustAnchors.of(server.ca().certificate())
                : TrustAnchors.of(TestPki.unknownRoot().certificate());
        DanePeerVerifier verifier = new DanePeerVerifier(PkixValidator.forAnchors(local), List.of(record),
                ReferenceIdentifiers.forManualHost(HOST), false);

        if (matching) {
            VerifiedPeer peer = verifier.verify(server.credential().chain(), server.authType());
            assertThat(peer.method()).isEqualTo(switch (usage) {
                case 0 -> AuthenticationMethod.DANE_PKIX_TA;
                case 1 -> AuthenticationMethod.DANE_PKIX_EE;
                case 2 -> AuthenticationMethod.DANE_TA;
                default -> AuthenticationMethod.DANE_EE;
            });
            assertThat(peer.matchedIdentifier()).contains("TLSA " + usage + " " + selector + " " + matchingType);
        } else {
            DaneVerificationException e = catchThrowableOfType(DaneVerificationException.class,
                    () -> verifier.verify(server.credential().chain(), server.authType()));
            assertThat(e).as("a non-matching record must fail, with no PKIX fallback").isNotNull();
            assertThat(e.records()).singleElement().asString().startsWith(usage + " " + selector + " " + matchingType);
            assertThat(e).hasMessageContaining("matches none of its 1 usable DNSSEC-secured TLSA record");
        }
    }
}
