package io.deepmail.metrics.micrometer;

import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.SessionObserver;
import io.deepmail.core.latch.LatchEvent;
import io.deepmail.core.latch.PendingViolation;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Bounded tag values from deepmail's enums and strings. */
final class TagValues {

    private static final Set<String> TLS_VERSIONS = Set.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1", "SSLv3");

    private static final Set<String> RECORD_TYPES = Set.of("A", "AAAA", "SRV", "TLSA", "MX", "CNAME", "TXT");

    private static final Set<String> STATES = Set.of("CONNECTED", "TLS_ESTABLISHED", "LATCHED", "AUTHENTICATED",
            "SELECTED", "IDLE", "DISCONNECTED");

    private TagValues() {
    }

    /**
     * An enum constant as a tag value.
     *
     * @param value the constant
     * @return its name in lower case
     */
    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static String protocol(MailProtocol protocol) {
        return lower(protocol);
    }

    static String tlsVersion(@Nullable String version) {
        if (version == null) {
            return MailMeterNames.NONE;
        }
        return TLS_VERSIONS.contains(version) ? version : MailMeterNames.OTHER;
    }

    static String recordType(String type) {
        String t = type.toUpperCase(Locale.ROOT);
        return RECORD_TYPES.contains(t) ? t : MailMeterNames.OTHER;
    }

    static String state(SessionObserver.State state) {
        String name = state.name();
        return STATES.contains(name) ? name.toLowerCase(Locale.ROOT) : MailMeterNames.OTHER;
    }

    /**
     * The endpoint a latch event is about.
     *
     * @param event the event
     * @return the endpoint, or {@code null} for an account-wide event
     */
    static @Nullable Endpoint endpoint(LatchEvent event) {
        if (event instanceof LatchEvent.Raised e) {
            return e.endpoint();
        } else if (event instanceof LatchEvent.Confirmed e) {
            return e.endpoint();
        } else if (event instanceof LatchEvent.Violated e) {
            return e.endpoint();
        } else if (event instanceof LatchEvent.Warned e) {
            return e.endpoint();
        } else if (event instanceof PendingViolation e) {
            return e.endpoint();
        } else if (event instanceof LatchEvent.UpgradeAvailable e) {
            return e.endpoint();
        } else if (event instanceof LatchEvent.AdvertisementIgnored e) {
            return e.endpoint();
        } else if (event instanceof LatchEvent.StoreUnavailable e) {
            return e.endpoint();
        }
        return null;
    }

    static String protocol(@Nullable Endpoint endpoint) {
        return endpoint == null ? MailMeterNames.NONE : protocol(endpoint.protocol());
    }
}
