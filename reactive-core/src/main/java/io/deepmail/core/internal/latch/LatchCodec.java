package io.deepmail.core.internal.latch;

import io.deepmail.core.Endpoint;
import io.deepmail.core.LatchStoreException;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.latch.EndpointLatches;
import io.deepmail.core.latch.LatchState;
import io.deepmail.core.latch.Pin;
import io.deepmail.core.latch.TagLatch;
import io.deepmail.core.latch.TagState;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.tls.TlsVersion;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A latch state as a flat map of fields, the form every store writes. Besides {@code gen} and
 * {@code rev}, every value is three integers {@code a,b,c} whose join is field-wise: {@code max a},
 * {@code max b}, and the smaller non-zero {@code c}. That is exactly {@link LatchState#join} within
 * one generation, so a store that cannot run Java (Redis, in Lua) joins by the same rule.
 *
 * <pre>
 * gen                          generation
 * rev                          revision
 * a|cert                       accountCertificate,0,0
 * t|IMAP:IMPLICIT:993:host|TLS state,observations,firstObservedEpochSecond
 * v|IMAP:IMPLICIT:993:host|TLSv1.2  (same)
 * p|sha256                     revoked,0,createdEpochSecond
 * </pre>
 *
 * Unknown fields fail decoding: a state written by a newer deepmail is never silently narrowed.
 */
public final class LatchCodec {

    private LatchCodec() {
    }

    /**
     * Flattens a state.
     *
     * @param state the state
     * @return the fields, sorted
     */
    public static Map<String, String> encode(LatchState state) {
        Map<String, String> f = new TreeMap<>();
        f.put("gen", Long.toString(state.generation()));
        f.put("rev", Long.toString(state.revision()));
        if (state.accountCertificate() != TagState.NONE) {
            f.put("a|cert", state.accountCertificate().ordinal() + ",0,0");
        }
        state.endpoints().forEach((endpoint, latches) -> {
            String ep = endpointKey(endpoint);
            latches.tags().forEach((tag, latch) -> f.put("t|" + ep + "|" + tag.name(), value(latch)));
            latches.versions().forEach((v, latch) -> f.put("v|" + ep + "|" + v.protocolName(), value(latch)));
        });
        state.pins().forEach((sha, pin) -> f.put("p|" + sha, (pin.revoked() ? 1 : 0) + ",0,"
                + pin.created().getEpochSecond()));
        return f;
    }

    /**
     * Rebuilds a state.
     *
     * @param fields the fields; empty for an unknown account
     * @return the state
     * @throws LatchStoreException when a field is malformed or unknown
     */
    public static LatchState decode(Map<String, String> fields) {
        try {
            long gen = Long.parseLong(fields.getOrDefault("gen", "0"));
            long rev = Long.parseLong(fields.getOrDefault("rev", "0"));
            TagState account = TagState.NONE;
            Map<Endpoint, Map<SecurityTag, TagLatch>> tags = new HashMap<>();
            Map<Endpoint, Map<TlsVersion, TagLatch>> versions = new HashMap<>();
            Map<String, Pin> pins = new HashMap<>();
            for (Map.Entry<String, String> e : fields.entrySet()) {
                String[] name = e.getKey().split("\\|", -1);
                long[] v = e.getKey().equals("gen") || e.getKey().equals("rev") ? null : numbers(e.getValue());
                switch (name[0]) {
                    case "gen", "rev" -> {
                    }
                    case "a" -> account = TagState.values()[(int) v[0]];
                    case "t" -> tags.computeIfAbsent(endpoint(name[1]), k -> new EnumMap<>(SecurityTag.class))
                            .put(SecurityTag.valueOf(name[2]), latch(v));
                    case "v" -> versions.computeIfAbsent(endpoint(name[1]), k -> new EnumMap<>(TlsVersion.class))
                            .put(TlsVersion.fromProtocolName(name[2]).orElseThrow(), latch(v));
                    case "p" -> pins.put(name[1], new Pin(name[1], Instant.ofEpochSecond(v[2]), v[0] != 0));
                    default -> throw new IllegalArgumentException("unknown field " + e.getKey());
                }
            }
            Map<Endpoint, EndpointLatches> endpoints = new HashMap<>();
            tags.forEach((ep, t) -> endpoints.put(ep, new EndpointLatches(t, Map.of())));
            versions.forEach((ep, v) -> endpoints.merge(ep, new EndpointLatches(Map.of(), v), EndpointLatches::join));
            return new LatchState(rev, gen, endpoints, account, pins);
        } catch (RuntimeException e) {
            throw new LatchStoreException("latch store holds a state this version of deepmail cannot read ("
                    + e.getMessage() + "); refusing to guess", e);
        }
    }

    /**
     * The text form the embedded store keeps: one {@code field=value} line per field.
     *
     * @param state the state
     * @return the text
     */
    public static String toText(LatchState state) {
        StringBuilder b = new StringBuilder();
        encode(state).forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return b.toString();
    }

    /**
     * Parses {@link #toText}.
     *
     * @param text the text
     * @return the state
     */
    public static LatchState fromText(String text) {
        Map<String, String> f = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                f.put(line.substring(0, eq), line.substring(eq + 1));
            } else if (!line.isEmpty()) {
                throw new LatchStoreException("malformed latch record line: " + line, null);
            }
        }
        return decode(f);
    }

    static String endpointKey(Endpoint e) {
        return e.protocol().name() + ":" + e.mode().name() + ":" + e.port() + ":" + e.host();
    }

    private static Endpoint endpoint(String key) {
        String[] p = key.split(":", 4);
        return new Endpoint(MailProtocol.valueOf(p[0]), p[3], Integer.parseInt(p[2]), TransportMode.valueOf(p[1]));
    }

    private static String value(TagLatch latch) {
        Instant first = latch.firstObserved();
        return latch.state().ordinal() + "," + latch.observations() + "," + (first == null ? 0 : first.getEpochSecond());
    }

    private static TagLatch latch(long[] v) {
        return new TagLatch(TagState.values()[(int) v[0]], v[1], v[2] == 0 ? null : Instant.ofEpochSecond(v[2]));
    }

    private static long[] numbers(String value) {
        String[] p = value.split(",");
        if (p.length != 3) {
            throw new IllegalArgumentException("malformed value " + value);
        }
        return new long[] {Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2])};
    }
}
