package io.deepmail.core.tls;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An IP-ID reference identifier: the address literal a user configured as the host, matched
 * byte for byte against {@code iPAddress} subject alternative names. Never matched against a DNS
 * name or the common name.
 *
 * @param address the address
 * @since 0.1
 */
public record IpId(InetAddress address) implements ServiceId {

    /**
     * Parses an IPv4 or IPv6 literal without any DNS lookup; IPv6 may be in brackets.
     *
     * @param literal e.g. {@code 192.0.2.1}, {@code 2001:db8::1} or {@code [::1]}
     * @return the identifier
     * @throws IllegalArgumentException when the text is not an IP literal
     */
    public static IpId parse(String literal) {
        InetAddress address = parseOrNull(literal);
        if (address == null) {
            throw new IllegalArgumentException("not an IP address literal: '" + literal + "'");
        }
        return new IpId(address);
    }

    /**
     * Whether a host string is an IP literal rather than a DNS name.
     *
     * @param host a host as configured
     * @return {@code true} for an IPv4 or IPv6 literal, bracketed or not
     */
    public static boolean isLiteral(String host) {
        return parseOrNull(host) != null;
    }

    @Override
    public boolean matches(CertificatePattern presented) {
        return presented instanceof CertificatePattern.Ip ip
                && Arrays.equals(ip.address().getAddress(), address.getAddress());
    }

    @Override
    public String type() {
        return "IP-ID";
    }

    @Override
    public String toString() {
        return address.getHostAddress();
    }

    private static @Nullable InetAddress parseOrNull(String literal) {
        String s = literal.startsWith("[") && literal.endsWith("]") ? literal.substring(1, literal.length() - 1)
                : literal;
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(s);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
