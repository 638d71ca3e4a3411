package io.deepmail.core.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Name-matching vectors for the pure DNS-ID rules (RFC 9525 §6.3, REQUIREMENTS §6.3). */
class DnsNamesUnitTests {

    @ParameterizedTest(name = "{0} vs {1} → {2}")
    @CsvSource({
        "mail.example.com, mail.example.com, true",
        "MAIL.EXAMPLE.COM, mail.example.com, true",
        "Mail.Example.Com., mail.example.com, true",
        "mail.example.com, mail.example.org, false",
        "ail.example.com, mail.example.com, false",
        "example.com, mail.example.com, false",
        "mail.example.com.evil, mail.example.com, false",
        "'', mail.example.com, false",
        ".mail.example.com, mail.example.com, false",
        "mail..example.com, mail.example.com, false",
        "mail.example.com.., mail.example.com, false",
        "xn--bcher-kva.example.com, xn--bcher-kva.example.com, true",
        "XN--BCHER-KVA.example.com, xn--bcher-kva.example.com, true",
        "bücher.example.com, xn--bcher-kva.example.com, false",
        "'mail.example.com ', mail.example.com, false",
    })
    @DisplayName("ID-04: a DNS-ID matches case-insensitively, exactly, on ASCII only")
    void exactMatching(String pattern, String reference, boolean expected) {
        assertThat(DnsNames.matches(pattern, reference, true)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} vs {1} → {2}")
    @CsvSource({
        "*.example.com, a.example.com, true",
        "*.EXAMPLE.com, a.example.com, true",
        "*.example.com., a.example.com, true",
        "*.example.com, example.com, false",
        "*.example.com, a.b.example.com, false",
        "f*o.example.com, foo.example.com, false",
        "*oo.example.com, foo.example.com, false",
        "foo*.example.com, foo.example.com, false",
        "foo*.example.com, foobar.example.com, false",
        "*.com, example.com, false",
        "*, com, false",
        "*., com, false",
        "*.*.example.com, a.b.example.com, false",
        "a.*.example.com, a.b.example.com, false",
        "**.example.com, a.example.com, false",
        "*.example.*, a.example.com, false",
        "xn--*.example.com, xn--bcher-kva.example.com, false",
        "x*.example.com, xn--bcher-kva.example.com, false",
        "*--kva.example.com, xn--bcher-kva.example.com, false",
        "*.example.com, xn--bcher-kva.example.com, true",
        "*.xn--mnchen-3ya.de, mail.xn--mnchen-3ya.de, true",
    })
    @DisplayName("ID-07: a wildcard is the whole left-most label and covers exactly one label")
    void wildcardMatching(String pattern, String reference, boolean expected) {
        assertThat(DnsNames.matches(pattern, reference, true)).isEqualTo(expected);
    }

    @Test
    @DisplayName("ID-07: where wildcards are not allowed (SRV-IDs) a wildcard pattern never matches")
    void wildcardsCanBeDisabled() {
        assertThat(DnsNames.matches("*.example.com", "a.example.com", false)).isFalse();
        assertThat(DnsNames.matches("a.example.com", "a.example.com", false)).isTrue();
    }

    @Test
    @DisplayName("ID-04: a non-ASCII letter that folds to ASCII (Kelvin sign) never matches")
    void noUnicodeCaseFolding() {
        assertThat(DnsNames.matches("\u212Aey.example.com", "key.example.com", true)).isFalse();
        assertThat(DnsNames.matches("*.example.\u212Aom", "a.example.kom", true)).isFalse();
    }

    @ParameterizedTest(name = "{0} inside {1} → {2}")
    @CsvSource({
        "example.com, example.com, true",
        "mail.example.com, example.com, true",
        "a.b.example.com, example.com, true",
        "badexample.com, example.com, false",
        "example.com, mail.example.com, false",
        "example.com.evil, example.com, false",
    })
    @DisplayName("ID-08: inside D means equal to D or a subdomain of D")
    void insideDomain(String name, String domain, boolean expected) {
        assertThat(DnsNames.inside(name, domain)).isEqualTo(expected);
    }
}
