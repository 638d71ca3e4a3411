package io.deepmail.core.dns;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One TLSA record (RFC 6698 §2.1): certificate usage, selector, matching type and association data.
 *
 * @param usage 0 PKIX-TA, 1 PKIX-EE, 2 DANE-TA, 3 DANE-EE; other values are unusable
 * @param selector 0 full certificate, 1 SubjectPublicKeyInfo
 * @param matchingType 0 exact, 1 SHA2-256, 2 SHA2-512
 * @param data the certificate association data (copied; never shared)
 * @since 0.1
 */
public record TlsaRecord(int usage, int selector, int matchingType, byte[] data) {

    /**
     * Validates field ranges and copies the data.
     *
     * @param usage the usage
     * @param selector the selector
     * @param matchingType the matching type
     * @param data the association data
     */
    public TlsaRecord {
        if (usage < 0 || usage > 255 || selector < 0 || selector > 255 || matchingType < 0 || matchingType > 255) {
            throw new IllegalArgumentException("TLSA fields are single octets");
        }
        data = data.clone();
    }

    /**
     * The association data.
     *
     * @return a copy of the data
     */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /**
     * Whether deepmail can use this record: known usage (0-3), selector (0-1) and matching type
     * (0-2), with data of the length the matching type requires (RFC 7671 §4, DANE-08).
     *
     * @return {@code true} when usable
     */
    public boolean usable() {
        boolean known = usage <= 3 && selector <= 1 && matchingType <= 2;
        return known && switch (matchingType) {
            case 1 -> data.length == 32;
            case 2 -> data.length == 64;
            default -> data.length > 0;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlsaRecord t && t.usage == usage && t.selector == selector
                && t.matchingType == matchingType && Arrays.equals(t.data, data);
    }

    @Override
    public int hashCode() {
        return ((usage * 31 + selector) * 31 + matchingType) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return usage + " " + selector + " " + matchingType + " " + HexFormat.of().formatHex(data);
    }
}
