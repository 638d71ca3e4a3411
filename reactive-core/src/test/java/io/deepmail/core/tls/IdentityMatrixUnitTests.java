package io.deepmail.core.tls;

import static io.deepmail.core.security.DiscoveryTrust.SRV_INSECURE;
import static io.deepmail.core.security.DiscoveryTrust.SRV_SECURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.deepmail.core.CertificateIdentityException;
import io.deepmail.core.CertificatePathException;
import io.deepmail.core.internal.tls.PkixValidator;
import io.deepmail.core.testkit.Credential;
import io.deepmail.core.testkit.LeafSpec;
import io.deepmail.core.testkit.TestPki;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The full identity matrix of REQUIREMENTS §6 on real certificates from the test PKI: each row
 * runs PKIX path validation, then the identity check, exactly as a connection does (ID-01).
 */
class IdentityMatrixUnitTests {

    enum Outcome { ACCEPT, ACCEPT_COMPAT, NAME_FAIL, PATH_FAIL }

    private static final TrustAnchors ANCHORS = TrustAnchors.of(TestPki.rsa().certificate(), TestPki.ec().certificate());

    private static final ReferenceIdentifiers MANUAL = ReferenceIdentifiers.forManualHost("mail.example.test");
    private static final ReferenceIdentifiers DISCOVERED =
            ReferenceIdentifiers.forSrv("example.test", "imaps", "mail.example.test", SRV_SECURE, false);

    static Stream<Arguments> matrix() {
        return Stream.of(
                // ID-01: the path is judged first; a correct name does not rescue an untrusted chain.
                row("ID-01", "unknown root, correct name → path failure", TestPki.unknownRoot().leaf(),
                        s -> s.dns("mail.example.test"), MANUAL, false, Outcome.PATH_FAIL),
                row("ID-01", "self-signed, correct name → path failure", TestPki.ec().leaf(),
                        s -> s.dns("mail.example.test").selfSigned(), MANUAL, false, Outcome.PATH_FAIL),
                row("ID-01", "expired, correct name → path failure", TestPki.rsa().leaf(),
                        s -> s.dns("mail.example.test").expired(), MANUAL, false, Outcome.PATH_FAIL),
                row("ID-01", "not yet valid, correct name → path failure", TestPki.ec().leaf(),
                        s -> s.dns("mail.example.test").notYetValid(), MANUAL, false, Outcome.PATH_FAIL),
                row("ID-01", "trusted chain, wrong name → name failure", TestPki.rsa().leaf(),
                        s -> s.dns("other.example.test"), MANUAL, false, Outcome.NAME_FAIL),
                // ID-02: reference identifiers are the configured host and the email domain, never a CNAME target.
                row("ID-02", "certificate naming only the CNAME target → rejected", TestPki.rsa().leaf(),
                        s -> s.dns("mail.provider.test"), MANUAL, false, Outcome.NAME_FAIL),
                row("ID-02", "manual host plus domain: certificate naming the domain → accepted", TestPki.rsa().leaf(),
                        s -> s.dns("example.test"), ReferenceIdentifiers.forManualHost("mail.example.test",
                                "example.test"), false, Outcome.ACCEPT),
                row("ID-02", "manual host only: certificate naming the domain → rejected", TestPki.rsa().leaf(),
                        s -> s.dns("example.test"), MANUAL, false, Outcome.NAME_FAIL),
                // ID-03: SRV-IDs for discovered accounts.
                row("ID-03", "SRV-ID-only certificate, discovered account → accepted", TestPki.ec().leaf(),
                        s -> s.srv("_imaps.example.test"), DISCOVERED, false, Outcome.ACCEPT),
                row("ID-03", "SRV-ID-only certificate, manual host → rejected", TestPki.ec().leaf(),
                        s -> s.srv("_imaps.example.test"), MANUAL, false, Outcome.NAME_FAIL),
                row("ID-03", "SRV-ID compared case-insensitively → accepted", TestPki.ec().leaf(),
                        s -> s.srv("_IMAPS.Example.TEST"), DISCOVERED, false, Outcome.ACCEPT),
                row("ID-03", "SRV-ID for another service → rejected", TestPki.ec().leaf(),
                        s -> s.srv("_pop3s.example.test"), DISCOVERED, false, Outcome.NAME_FAIL),
                row("ID-03", "SRV-ID for another domain → rejected", TestPki.ec().leaf(),
                        s -> s.srv("_imaps.example.org"), DISCOVERED, false, Outcome.NAME_FAIL),
                row("ID-03", "SRV-ID with a wildcard never matches", TestPki.ec().leaf(),
                        s -> s.srv("_imaps.*.example.test"), ReferenceIdentifiers.of(new SrvId("imaps",
                                "a.example.test")), false, Outcome.NAME_FAIL),
                // ID-04: DNS-IDs.
                row("ID-04", "dNSName equal to the host → accepted", TestPki.rsa().leaf(),
                        s -> s.dns("mail.example.test"), MANUAL, false, Outcome.ACCEPT),
                row("ID-04", "dNSName in another case → accepted", TestPki.rsa().leaf(),
                        s -> s.dns("MAIL.Example.Test"), MANUAL, false, Outcome.ACCEPT),
                row("ID-04", "one of several dNSNames → accepted", TestPki.ec().leaf(),
                        s -> s.dns("a.example.test", "mail.example.test"), MANUAL, false, Outcome.ACCEPT),
                row("ID-04", "IP literal host with matching iPAddress SAN → accepted", TestPki.rsa().leaf(),
                        s -> s.ip("192.0.2.7"), ReferenceIdentifiers.forManualHost("192.0.2.7"), false,
                        Outcome.ACCEPT),
                row("ID-04", "IP literal host against a dNSName spelling the address → rejected", TestPki.rsa().leaf(),
                        s -> s.dns("192.0.2.7"), ReferenceIdentifiers.forManualHost("192.0.2.7"), false,
                        Outcome.NAME_FAIL),
                // ID-05: URI-IDs never count.
                row("ID-05", "URI-only certificate → rejected", TestPki.rsa().leaf(),
                        s -> s.uri("imaps://mail.example.test", "imaps://mail.example.test:993/"), MANUAL, true,
                        Outcome.NAME_FAIL),
                row("ID-05", "URI SAN blocks the CN even in compatibility mode", TestPki.rsa().leaf(),
                        s -> s.uri("imaps://mail.example.test").cn("mail.example.test"), MANUAL, true,
                        Outcome.NAME_FAIL),
                // ID-06: CN-ID only with the compatibility flag.
                row("ID-06", "CN-only certificate without the flag → rejected", TestPki.rsa().leaf(),
                        s -> s.cn("mail.example.test"), MANUAL, false, Outcome.NAME_FAIL),
                row("ID-06", "CN-only certificate with the flag → accepted as compat", TestPki.rsa().leaf(),
                        s -> s.cn("mail.example.test"), MANUAL, true, Outcome.ACCEPT_COMPAT),
                row("ID-06", "wildcard CN with the flag → accepted as compat", TestPki.ec().leaf(),
                        s -> s.cn("*.example.test"), MANUAL, true, Outcome.ACCEPT_COMPAT),
                row("ID-06", "CN ignored when a dNSName is present, even with the flag", TestPki.rsa().leaf(),
                        s -> s.cn("mail.example.test").dns("other.example.test"), MANUAL, true, Outcome.NAME_FAIL),
                row("ID-06", "CN ignored when an SRV-ID is present, even with the flag", TestPki.rsa().leaf(),
                        s -> s.cn("mail.example.test").srv("_imaps.other.test"), MANUAL, true, Outcome.NAME_FAIL),
                row("ID-06", "dNSName match with the flag is not compat", TestPki.rsa().leaf(),
                        s -> s.cn("legacy").dns("mail.example.test"), MANUAL, true, Outcome.ACCEPT),
                // ID-07: wildcards.
                row("ID-07", "*.example.test matches mail.example.test", TestPki.rsa().leaf(),
                        s -> s.dns("*.example.test"), MANUAL, false, Outcome.ACCEPT),
                row("ID-07", "*.example.test does not match a.mail.example.test", TestPki.rsa().leaf(),
                        s -> s.dns("*.example.test"), ReferenceIdentifiers.forManualHost("a.mail.example.test"),
                        false, Outcome.NAME_FAIL),
                row("ID-07", "*.example.test does not match example.test", TestPki.rsa().leaf(),
                        s -> s.dns("*.example.test"), ReferenceIdentifiers.forManualHost("example.test"), false,
                        Outcome.NAME_FAIL),
                row("ID-07", "m*l.example.test does not match mail.example.test", TestPki.rsa().leaf(),
                        s -> s.dns("m*l.example.test"), MANUAL, false, Outcome.NAME_FAIL),
                row("ID-07", "*ail.example.test does not match mail.example.test", TestPki.rsa().leaf(),
                        s -> s.dns("*ail.example.test"), MANUAL, false, Outcome.NAME_FAIL),
                row("ID-07", "mail*.example.test does not match mail.example.test", TestPki.rsa().leaf(),
                        s -> s.dns("mail*.example.test"), MANUAL, false, Outcome.NAME_FAIL),
                row("ID-07", "*.test does not match example.test", TestPki.rsa().leaf(),
                        s -> s.dns("*.test"), ReferenceIdentifiers.forManualHost("example.test"), false,
                        Outcome.NAME_FAIL),
                row("ID-07", "mail.*.test does not match mail.example.test", TestPki.rsa().leaf(),
                        s -> s.dns("mail.*.test"), MANUAL, false, Outcome.NAME_FAIL),
                row("ID-07", "xn--*.example.test does not match an A-label", TestPki.rsa().leaf(),
                        s -> s.dns("xn--*.example.test"), ReferenceIdentifiers.forManualHost(
                                "xn--bcher-kva.example.test"), false, Outcome.NAME_FAIL),
                row("ID-07", "*.example.test matches a whole A-label", TestPki.rsa().leaf(),
                        s -> s.dns("*.example.test"), ReferenceIdentifiers.forManualHost("bücher.example.test"),
                        false, Outcome.ACCEPT),
                // ID-08: an insecure SRV target counts only inside D or when confirmed.
                row("ID-08", "insecure target outside D, certificate naming only the target → rejected",
                        TestPki.rsa().leaf(), s -> s.dns("mail.provider.test"), ReferenceIdentifiers.forSrv(
                                "example.test", "imaps", "mail.provider.test", SRV_INSECURE, false), false,
                        Outcome.NAME_FAIL),
                row("ID-08", "insecure target outside D, confirmed by the user → accepted", TestPki.rsa().leaf(),
                        s -> s.dns("mail.provider.test"), ReferenceIdentifiers.forSrv("example.test", "imaps",
                                "mail.provider.test", SRV_INSECURE, true), false, Outcome.ACCEPT),
                row("ID-08", "secure target outside D → accepted", TestPki.rsa().leaf(),
                        s -> s.dns("mail.provider.test"), ReferenceIdentifiers.forSrv("example.test", "imaps",
                                "mail.provider.test", SRV_SECURE, false), false, Outcome.ACCEPT),
                row("ID-08", "insecure target inside D → accepted", TestPki.rsa().leaf(),
                        s -> s.dns("mail.example.test"), ReferenceIdentifiers.forSrv("example.test", "imaps",
                                "mail.example.test", SRV_INSECURE, false), false, Outcome.ACCEPT),
                row("ID-08", "insecure target merely ending in D's text → rejected", TestPki.rsa().leaf(),
                        s -> s.dns("mail.badexample.test"), ReferenceIdentifiers.forSrv("example.test", "imaps",
                                "mail.badexample.test", SRV_INSECURE, false), false, Outcome.NAME_FAIL),
                row("ID-08", "insecure target outside D, certificate naming D → accepted", TestPki.rsa().leaf(),
                        s -> s.dns("example.test"), ReferenceIdentifiers.forSrv("example.test", "imaps",
                                "mail.provider.test", SRV_INSECURE, false), false, Outcome.ACCEPT),
                row("ID-08", "insecure target outside D, certificate with the SRV-ID → accepted", TestPki.ec().leaf(),
                        s -> s.srv("_imaps.example.test"), ReferenceIdentifiers.forSrv("example.test", "imaps",
                                "mail.provider.test", SRV_INSECURE, false), false, Outcome.ACCEPT));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("matrix")
    @DisplayName("ID-01..ID-08: identity matrix on real certificates (path first, then names)")
    void identityMatrix(String id, String description, Credential credential, ReferenceIdentifiers references,
            boolean compat, Outcome expected) {
        Throwable failure = catchThrowable(() -> {
            PkixValidator.forAnchors(ANCHORS).validate(credential.chain(), "UNKNOWN");
            IdentityMatch match = IdentityVerifier.verify(credential.leaf(), references, compat);
            assertThat(match.viaCommonName()).as("compat").isEqualTo(expected == Outcome.ACCEPT_COMPAT);
        });
        switch (expected) {
            case PATH_FAIL:
                assertThat(failure).isInstanceOf(CertificatePathException.class);
                break;
            case NAME_FAIL:
                assertThat(failure).isInstanceOf(CertificateIdentityException.class);
                break;
            default:
                assertThat(failure).as("no failure").isNull();
        }
    }

    private static Arguments row(String id, String description, LeafSpec spec, UnaryOperator<LeafSpec> names,
            ReferenceIdentifiers references, boolean compat, Outcome expected) {
        return Arguments.of(id, description, names.apply(spec).issue(), references, compat, expected);
    }
}
