package io.deepmail.core.testkit;

import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.DnssecStatus;
import io.deepmail.core.dns.TlsaRecord;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * TLSA records and answers for DANE tests. The association data is computed here, independently of
 * the production matcher: selector 0 is {@code certificate.getEncoded()}, selector 1 is
 * {@code certificate.getPublicKey().getEncoded()} (the DER SubjectPublicKeyInfo), hashed with
 * {@link MessageDigest} for matching types 1 (SHA-256) and 2 (SHA-512).
 *
 * <pre>{@code
 * DnsAnswer<TlsaRecord> answer = Tlsa.secure("_993._tcp.mail.example.test", Tlsa.of(3, 1, 1, leaf));
 * }</pre>
 *
 * @since 0.1
 */
public final class Tlsa {

    private static final Duration TTL = Duration.ofSeconds(300);

    private Tlsa() {
    }

    /**
     * A record whose association data matches a certificate.
     *
     * @param usage 0-3
     * @param selector 0 (full certificate) or 1 (SubjectPublicKeyInfo)
     * @param matchingType 0 (exact), 1 (SHA-256) or 2 (SHA-512)
     * @param certificate the certificate the record names
     * @return the record
     */
    public static TlsaRecord of(int usage, int selector, int matchingType, X509Certificate certificate) {
        return new TlsaRecord(usage, selector, matchingType, data(selector, matchingType, certificate));
    }

    /**
     * A record with association data given in hex, as DNS presents it.
     *
     * @param usage the usage
     * @param selector the selector
     * @param matchingType the matching type
     * @param hex the association data in hex
     * @return the record
     */
    public static TlsaRecord hex(int usage, int selector, int matchingType, String hex) {
        return new TlsaRecord(usage, selector, matchingType, HexFormat.of().parseHex(hex));
    }

    /**
     * The association data of a certificate for a selector and matching type.
     *
     * @param selector 0 or 1
     * @param matchingType 0, 1 or 2
     * @param certificate the certificate
     * @return the data
     */
    public static byte[] data(int selector, int matchingType, X509Certificate certificate) {
        try {
            byte[] content = selector == 0 ? certificate.getEncoded() : certificate.getPublicKey().getEncoded();
            return switch (matchingType) {
                case 0 -> content;
                case 1 -> MessageDigest.getInstance("SHA-256").digest(content);
                case 2 -> MessageDigest.getInstance("SHA-512").digest(content);
                default -> throw new IllegalArgumentException("matching type " + matchingType);
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A DNSSEC-secure answer holding the records.
     *
     * @param name the owner name, e.g. {@code _993._tcp.mail.example.test}
     * @param records one or more records
     * @return the answer
     */
    public static DnsAnswer<TlsaRecord> secure(String name, TlsaRecord... records) {
        return answer(name, DnssecStatus.SECURE, records);
    }

    /**
     * An answer with the records and a given DNSSEC status.
     *
     * @param name the owner name
     * @param status the status
     * @param records one or more records
     * @return the answer
     */
    public static DnsAnswer<TlsaRecord> answer(String name, DnssecStatus status, TlsaRecord... records) {
        return new DnsAnswer<>(name, List.of(records), DnsAnswer.Outcome.DATA, status, TTL);
    }
}
