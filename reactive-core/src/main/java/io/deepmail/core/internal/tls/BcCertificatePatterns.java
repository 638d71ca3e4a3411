package io.deepmail.core.internal.tls;

import io.deepmail.core.tls.CertificatePattern;
import io.netty.util.NetUtil;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.OtherName;
import org.jspecify.annotations.Nullable;

/**
 * Extracts the presented identifiers of a certificate: {@code dNSName}, RFC 4985 {@code SRVName}
 * ({@code otherName} {@value #SRV_NAME_OID} holding an IA5String), {@code uniformResourceIdentifier}
 * and {@code iPAddress} subject alternative names in certificate order, then the subject common
 * names; and the exact SubjectPublicKeyInfo bytes DANE selector 1 hashes. The only class that reads
 * ASN.1.
 *
 * <p>Certificate contents are untrusted: a malformed entry is skipped, and no unchecked exception
 * escapes. When the subjectAltName extension as a whole cannot be parsed, nothing is extracted (not
 * even the common name), so that the identity check fails closed.
 */
public final class BcCertificatePatterns {

    /** The RFC 4985 {@code id-on-dnsSRV} otherName type. */
    public static final String SRV_NAME_OID = "1.3.6.1.5.5.7.8.7";

    private static final ASN1ObjectIdentifier SRV_NAME = new ASN1ObjectIdentifier(SRV_NAME_OID);
    private static final int OTHER_NAME = 0;
    private static final int DNS_NAME = 2;
    private static final int URI = 6;
    private static final int IP_ADDRESS = 7;

    private BcCertificatePatterns() {
    }

    /**
     * The certificate's presented identifiers.
     *
     * @param certificate a server's end-entity certificate
     * @return subject alternative names in certificate order, then common names; possibly empty
     */
    public static List<CertificatePattern> extract(X509Certificate certificate) {
        Collection<List<?>> sans;
        try {
            sans = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException | RuntimeException e) {
            return List.of();
        }
        List<CertificatePattern> patterns = new ArrayList<>();
        if (sans != null) {
            for (List<?> san : sans) {
                CertificatePattern p = san.size() == 2 ? pattern(san.get(0), san.get(1)) : null;
                if (p != null) {
                    patterns.add(p);
                }
            }
        }
        patterns.addAll(commonNames(certificate));
        return List.copyOf(patterns);
    }

    /**
     * The SubjectPublicKeyInfo exactly as DER-encoded in the certificate (DANE selector 1). Bouncy
     * Castle keeps the encoded structure, where the JDK's {@code PublicKey.getEncoded()} re-encodes
     * the key it decoded.
     *
     * @param certificateDer the whole certificate, DER
     * @return the SPKI, DER
     * @throws IOException when the SPKI cannot be encoded
     * @throws IllegalArgumentException when the certificate is not valid DER
     */
    public static byte[] subjectPublicKeyInfo(byte[] certificateDer) throws IOException {
        return org.bouncycastle.asn1.x509.Certificate.getInstance(certificateDer).getSubjectPublicKeyInfo()
                .getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER);
    }

    private static @Nullable CertificatePattern pattern(Object type, Object value) {
        if (!(type instanceof Integer tag)) {
            return null;
        }
        switch (tag) {
            case OTHER_NAME:
                return value instanceof byte[] der ? srvName(der) : null;
            case DNS_NAME:
                return value instanceof String s ? new CertificatePattern.Dns(s) : null;
            case URI:
                return value instanceof String s ? new CertificatePattern.Uri(s) : null;
            case IP_ADDRESS:
                return value instanceof String s ? ipAddress(s) : null;
            default:
                return null;
        }
    }

    /**
     * Reads an {@code otherName} as returned by {@link X509Certificate#getSubjectAlternativeNames()}.
     *
     * @param der the DER encoding of the otherName, with or without its {@code [0]} GeneralName tag
     * @return the SRV-ID, or {@code null} when the entry is of another type or malformed
     */
    static CertificatePattern.@Nullable Srv srvName(byte[] der) {
        try {
            ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
            ASN1Sequence sequence = primitive instanceof ASN1TaggedObject tagged
                    ? ASN1Sequence.getInstance(tagged, false) : ASN1Sequence.getInstance(primitive);
            OtherName otherName = OtherName.getInstance(sequence);
            if (!SRV_NAME.equals(otherName.getTypeID())) {
                return null;
            }
            ASN1Encodable value = otherName.getValue();
            if (value instanceof ASN1TaggedObject explicit) {
                value = explicit.getExplicitBaseObject();
            }
            return value instanceof ASN1IA5String ia5 ? srvValue(ia5.getString()) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Splits an SRVName value {@code _Service.Name}; anything else is malformed.
     *
     * @param value the IA5String value
     * @return the pattern, or {@code null} when malformed
     */
    static CertificatePattern.@Nullable Srv srvValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) <= 0x20 || value.charAt(i) > 0x7e) {
                return null;
            }
        }
        int dot = value.indexOf('.');
        if (!value.startsWith("_") || dot < 2 || dot == value.length() - 1) {
            return null;
        }
        return new CertificatePattern.Srv(value.substring(1, dot), value.substring(dot + 1));
    }

    private static CertificatePattern.@Nullable Ip ipAddress(String literal) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(literal);
        if (bytes == null) {
            return null;
        }
        try {
            InetAddress address = InetAddress.getByAddress(bytes);
            return new CertificatePattern.Ip(address);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static List<CertificatePattern> commonNames(X509Certificate certificate) {
        List<CertificatePattern> names = new ArrayList<>();
        try {
            X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
            for (RDN rdn : subject.getRDNs(BCStyle.CN)) {
                for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                    if (BCStyle.CN.equals(atv.getType()) && atv.getValue() instanceof ASN1String s) {
                        names.add(new CertificatePattern.CommonName(s.getString()));
                    }
                }
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        return names;
    }
}
