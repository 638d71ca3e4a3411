package io.deepmail.core.latch;

import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.tls.TlsVersion;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BinaryOperator;

/**
 * The latches of one endpoint (REQUIREMENTS §3.2): a {@link TagLatch} per boolean
 * {@link SecurityTag}, and one per TLS version floor. The valued tag {@code TLS_VERSION} is kept as
 * one latch per version, "at least this version", so its join stays exact: the highest version
 * latched is the highest floor above {@code NONE} ({@link #latchedVersion}). The kind of
 * certificate authentication is the set of {@code CERT_*} tags latched ({@code CERT_PKIX},
 * {@code CERT_DANE}, or both for PKIX+DANE), each of which only rises. {@code CIPHER} is never
 * latched. Immutable; entries equal to {@link TagLatch#NONE} are dropped, so equal latches are
 * equal values.
 *
 * @param tags the latch of each tag; absent means {@link TagLatch#NONE}
 * @param versions the latch of each TLS version floor; absent means {@link TagLatch#NONE}
 * @since 0.1
 */
public record EndpointLatches(Map<SecurityTag, TagLatch> tags, Map<TlsVersion, TagLatch> versions) {

    /** An endpoint with nothing latched. */
    public static final EndpointLatches EMPTY = new EndpointLatches(Map.of(), Map.of());

    /**
     * Copies the maps, dropping empty latches.
     *
     * @param tags the tag latches
     * @param versions the version latches
     */
    public EndpointLatches {
        tags = compact(Objects.requireNonNull(tags, "tags"));
        versions = compact(Objects.requireNonNull(versions, "versions"));
    }

    private static <K> Map<K, TagLatch> compact(Map<K, TagLatch> in) {
        Map<K, TagLatch> out = new java.util.HashMap<>();
        in.forEach((k, v) -> {
            if (!TagLatch.NONE.equals(Objects.requireNonNull(v, "latch"))) {
                out.put(Objects.requireNonNull(k, "key"), v);
            }
        });
        return Map.copyOf(out);
    }

    /**
     * The latch of a tag.
     *
     * @param tag the tag
     * @return its latch, {@link TagLatch#NONE} when nothing is known
     */
    public TagLatch latch(SecurityTag tag) {
        return tags.getOrDefault(tag, TagLatch.NONE);
    }

    /**
     * The state of a tag.
     *
     * @param tag the tag
     * @return its state
     */
    public TagState state(SecurityTag tag) {
        return latch(tag).state();
    }

    /**
     * The latch of a TLS version floor.
     *
     * @param version the version
     * @return its latch, {@link TagLatch#NONE} when nothing is known
     */
    public TagLatch latch(TlsVersion version) {
        return versions.getOrDefault(version, TagLatch.NONE);
    }

    /**
     * The highest TLS version latched at {@code atLeast} or above.
     *
     * @param atLeast the lowest state that counts, {@code PROVISIONAL} or {@code NORMAL}
     * @return the version, or empty when no floor is latched that high
     */
    public Optional<TlsVersion> latchedVersion(TagState atLeast) {
        TlsVersion best = null;
        for (TlsVersion v : TlsVersion.values()) {
            if (latch(v).state() != TagState.NONE && latch(v).state().isAtLeast(atLeast)) {
                best = best == null || v.compareTo(best) > 0 ? v : best;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * This endpoint with one tag's latch replaced by its join with {@code latch}.
     *
     * @param tag the tag
     * @param latch the latch to join in
     * @return the raised endpoint
     */
    public EndpointLatches with(SecurityTag tag, TagLatch latch) {
        Map<SecurityTag, TagLatch> t = new EnumMap<>(SecurityTag.class);
        t.putAll(tags);
        t.merge(tag, latch, TagLatch::join);
        return new EndpointLatches(t, versions);
    }

    /**
     * This endpoint with one version floor's latch replaced by its join with {@code latch}.
     *
     * @param version the version floor
     * @param latch the latch to join in
     * @return the raised endpoint
     */
    public EndpointLatches with(TlsVersion version, TagLatch latch) {
        Map<TlsVersion, TagLatch> v = new EnumMap<>(TlsVersion.class);
        v.putAll(versions);
        v.merge(version, latch, TagLatch::join);
        return new EndpointLatches(tags, v);
    }

    /**
     * The least upper bound: every latch joined pointwise.
     *
     * @param other the other endpoint record
     * @return the join
     */
    public EndpointLatches join(EndpointLatches other) {
        return new EndpointLatches(joinMaps(tags, other.tags), joinMaps(versions, other.versions));
    }

    /**
     * Whether this record is at least {@code other} in every latch.
     *
     * @param other the record to compare with
     * @return {@code true} when {@code this.join(other).equals(this)}
     */
    public boolean isAtLeast(EndpointLatches other) {
        return join(other).equals(this);
    }

    /**
     * Whether nothing is latched or observed.
     *
     * @return {@code true} for {@link #EMPTY}
     */
    public boolean isEmpty() {
        return tags.isEmpty() && versions.isEmpty();
    }

    static <K> Map<K, TagLatch> joinMaps(Map<K, TagLatch> a, Map<K, TagLatch> b) {
        Map<K, TagLatch> out = new java.util.HashMap<>(a);
        BinaryOperator<TagLatch> join = TagLatch::join;
        b.forEach((k, v) -> out.merge(k, v, join));
        return out;
    }
}
