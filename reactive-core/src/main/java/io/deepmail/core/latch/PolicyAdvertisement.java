package io.deepmail.core.latch;

import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.tls.TlsVersion;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a server committed to in a DEEP-status style advertisement, as a
 * {@link PolicyAdvertisementParser} read it (REQUIREMENTS §4.1; draft-era concept, no registered
 * wire syntax: the parser defines it). Its only possible effect is to confirm latches the session
 * itself showed (L4(b)); it can never lower or add a requirement the client did not observe.
 *
 * @param tags the tags the server commits to keep
 * @param minimumVersion the TLS version the server commits to keep at least, if any
 * @since 0.1
 */
public record PolicyAdvertisement(Set<SecurityTag> tags, @Nullable TlsVersion minimumVersion) {

    /**
     * Copies the tags.
     *
     * @param tags the tags
     * @param minimumVersion the version, or {@code null}
     */
    public PolicyAdvertisement {
        tags = Set.copyOf(Objects.requireNonNull(tags, "tags"));
    }
}
