package io.deepmail.core.dns;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * A block of IP addresses in CIDR notation, such as {@code 127.0.0.0/8} or {@code ::1/128}. Used
 * to say which resolvers are trusted to validate DNSSEC (REQUIREMENTS §7.2, DANE-11). Parsing
 * never performs a DNS lookup.
 *
 * @param network the first address of the block (host bits are cleared)
 * @param prefixLength the number of leading bits that must match, 0-32 for IPv4 and 0-128 for IPv6
 * @since 0.1
 */
public record AddressRange(InetAddress network, int prefixLength) {

    /** The IPv4 loopback block, {@code 127.0.0.0/8}. */
    public static final AddressRange LOOPBACK_V4 = parse("127.0.0.0/8");

    /** The IPv6 loopback address, {@code ::1/128}. */
    public static final AddressRange LOOPBACK_V6 = parse("::1/128");

    /**
     * Validates the prefix length and clears the host bits of the network address.
     *
     * @param network any address of the block
     * @param prefixLength the prefix length
     */
    public AddressRange {
        Objects.requireNonNull(network, "network");
        byte[] bytes = network.getAddress();
        if (prefixLength < 0 || prefixLength > bytes.length * 8) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of range for " + network);
        }
        network = address(mask(bytes, prefixLength));
    }

    /**
     * Parses {@code address/prefix}, or a bare address meaning a single host.
     *
     * @param cidr for example {@code 127.0.0.0/8}, {@code ::1} or {@code 192.0.2.53/32}
     * @return the range
     * @throws IllegalArgumentException when the text is not an IP literal with an optional prefix
     */
    public static AddressRange parse(String cidr) {
        String text = Objects.requireNonNull(cidr, "cidr").strip();
        int slash = text.indexOf('/');
        String ip = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(ip);
        if (bytes == null) {
            throw new IllegalArgumentException("not an IP address: " + ip);
        }
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad prefix length in " + text, e);
            }
        }
        return new AddressRange(address(bytes), prefix);
    }

    /**
     * Whether the address lies in this range. An IPv4 address never lies in an IPv6 range, and the
     * reverse.
     *
     * @param address the address to test
     * @return {@code true} when the first {@link #prefixLength()} bits match
     */
    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] net = network.getAddress();
        return candidate.length == net.length && java.util.Arrays.equals(mask(candidate, prefixLength), net);
    }

    private static byte[] mask(byte[] bytes, int prefix) {
        byte[] out = bytes.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv4 or IPv6 address", e);
        }
    }

    @Override
    public String toString() {
        return NetUtil.toAddressString(network) + "/" + prefixLength;
    }
}
