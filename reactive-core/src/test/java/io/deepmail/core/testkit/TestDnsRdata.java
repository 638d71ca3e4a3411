package io.deepmail.core.testkit;

import io.netty.util.NetUtil;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Rdata in wire format for {@link TestDnsAnswer}: SRV, TLSA, A, AAAA, CNAME and SOA, and names
 * with or without a compression pointer. Arbitrary bytes make malformed rdata.
 *
 * @since 0.1
 */
public final class TestDnsRdata {

    private TestDnsRdata() {
    }

    /**
     * SRV rdata (RFC 2782) with an uncompressed target.
     *
     * @param priority the priority
     * @param weight the weight
     * @param port the port
     * @param target the target, {@code "."} for "not provided"
     * @return the rdata
     */
    public static byte[] srv(int priority, int weight, int port, String target) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        short16(out, priority);
        short16(out, weight);
        short16(out, port);
        out.writeBytes(name(target));
        return out.toByteArray();
    }

    /**
     * TLSA rdata (RFC 6698).
     *
     * @param usage the certificate usage
     * @param selector the selector
     * @param matchingType the matching type
     * @param data the association data
     * @return the rdata
     */
    public static byte[] tlsa(int usage, int selector, int matchingType, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(usage);
        out.write(selector);
        out.write(matchingType);
        out.writeBytes(data);
        return out.toByteArray();
    }

    /**
     * A or AAAA rdata: the address octets.
     *
     * @param ip an IPv4 or IPv6 literal
     * @return 4 or 16 octets
     */
    public static byte[] address(String ip) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(ip);
        if (bytes == null) {
            throw new IllegalArgumentException("not an IP literal: " + ip);
        }
        return bytes;
    }

    /**
     * SOA rdata with fixed names and timers, for the authority section of a denial.
     *
     * @param minimum the negative-caching TTL field
     * @return the rdata
     */
    public static byte[] soa(int minimum) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(name("ns.test"));
        out.writeBytes(name("hostmaster.test"));
        for (int v : new int[] {1, 3600, 600, 86400, minimum}) {
            short16(out, v >>> 16);
            short16(out, v & 0xffff);
        }
        return out.toByteArray();
    }

    /**
     * A name in uncompressed wire format.
     *
     * @param name dot-separated, with or without the trailing dot; {@code "."} for the root
     * @return the labels and the root octet
     */
    public static byte[] name(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (!n.isEmpty()) {
            for (String label : n.split("\\.")) {
                byte[] b = label.getBytes(StandardCharsets.US_ASCII);
                out.write(b.length);
                out.writeBytes(b);
            }
        }
        out.write(0);
        return out.toByteArray();
    }

    /**
     * Leading labels followed by a compression pointer (RFC 1035 §4.1.4).
     *
     * @param labels the labels before the pointer, such as {@code "mail"}
     * @param offset the message offset the pointer refers to
     * @return the labels and the two pointer octets
     */
    public static byte[] compressed(String labels, int offset) {
        byte[] head = name(labels);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(head, 0, head.length - 1);
        out.write(0xc0 | (offset >>> 8));
        out.write(offset & 0xff);
        return out.toByteArray();
    }

    private static void short16(ByteArrayOutputStream out, int v) {
        out.write((v >>> 8) & 0xff);
        out.write(v & 0xff);
    }
}
