package io.deepmail.core.latch;

import io.deepmail.core.Endpoint;
import io.deepmail.core.PrivacyWarning;
import java.util.List;
import java.util.Objects;

/**
 * Something latching did, delivered to {@link io.deepmail.core.SessionObserver#onLatchEvent} and
 * {@link io.deepmail.core.metrics.MailClientMetricsRecorder#recordLatchEvent}. A closed family;
 * {@link #kind()} is a bounded metrics tag.
 *
 * @since 0.1
 */
public sealed interface LatchEvent permits LatchEvent.Raised, LatchEvent.Confirmed, LatchEvent.Violated,
        LatchEvent.Warned, PendingViolation, LatchEvent.UpgradeAvailable, LatchEvent.AdvertisementIgnored,
        LatchEvent.Reset, LatchEvent.StoreUnavailable {

    /**
     * The account's latch key.
     *
     * @return the key
     */
    String account();

    /**
     * The kind of event, for metrics.
     *
     * @return the kind
     */
    Kind kind();

    /**
     * The kinds of latch event.
     *
     * @since 0.1
     */
    enum Kind {
        /** A property latched {@code PROVISIONAL}. */
        RAISED,
        /** A property became {@code NORMAL}. */
        CONFIRMED,
        /** A session was refused. */
        VIOLATED,
        /** A session went on with a warning. */
        WARNED,
        /** A session waits for {@code acceptOnce()}. */
        PENDING,
        /** A level-0 account saw a level-1 session. */
        UPGRADE_AVAILABLE,
        /** A server advertisement had no effect. */
        ADVERTISEMENT_IGNORED,
        /** The account's latches were reset. */
        RESET,
        /** The store failed and the session was refused. */
        STORE_UNAVAILABLE
    }

    /**
     * How a latch became {@code NORMAL} (L4).
     *
     * @since 0.1
     */
    enum Source {
        /** The user or application confirmed it (L4(a)). */
        CONFIRMATION,
        /** An authenticated server advertisement confirmed it (L4(b), EXT-02). */
        ADVERTISEMENT,
        /** The N-sessions-over-T-days rule fired (L4(c)). */
        TIME_RULE,
        /** An endpoint's certificate latch became {@code NORMAL}, so the account-wide one did (L5). */
        ACCOUNT_WIDE
    }

    /**
     * A property latched {@code PROVISIONAL} after a compliant session (L3).
     *
     * @param account the account
     * @param endpoint the endpoint
     * @param property the property
     * @param value the tag name or TLS version
     */
    record Raised(String account, Endpoint endpoint, LatchProperty property, String value) implements LatchEvent {
        @Override
        public Kind kind() {
            return Kind.RAISED;
        }
    }

    /**
     * A property became {@code NORMAL} (L4, L5).
     *
     * @param account the account
     * @param endpoint the endpoint
     * @param property the property
     * @param value the tag name or TLS version
     * @param source what confirmed it
     */
    record Confirmed(String account, Endpoint endpoint, LatchProperty property, String value, Source source)
            implements LatchEvent {
        @Override
        public Kind kind() {
            return Kind.CONFIRMED;
        }
    }

    /**
     * A session was refused before credentials (L7; L8 by default).
     *
     * @param account the account
     * @param endpoint the endpoint
     * @param findings what was missing
     * @param blocksWeakerCandidates whether weaker candidates are closed for the account (L7)
     */
    record Violated(String account, Endpoint endpoint, List<LatchFinding> findings, boolean blocksWeakerCandidates)
            implements LatchEvent {
        /**
         * Copies the findings.
         *
         * @param account the account
         * @param endpoint the endpoint
         * @param findings the findings
         * @param blocksWeakerCandidates the flag
         */
        public Violated {
            findings = List.copyOf(findings);
        }

        @Override
        public Kind kind() {
            return Kind.VIOLATED;
        }
    }

    /**
     * A session went on despite a provisional PFS violation (L9), or after {@code acceptOnce()} (L8).
     *
     * @param account the account
     * @param endpoint the endpoint
     * @param findings what was missing
     */
    record Warned(String account, Endpoint endpoint, List<LatchFinding> findings) implements LatchEvent {
        /**
         * Copies the findings.
         *
         * @param account the account
         * @param endpoint the endpoint
         * @param findings the findings
         */
        public Warned {
            findings = List.copyOf(findings);
        }

        @Override
        public Kind kind() {
            return Kind.WARNED;
        }
    }

    /**
     * A level-0 account saw TLS with a validated certificate: the application can offer to raise
     * its minimum level (L13, LAT-16).
     *
     * @param account the account
     * @param endpoint the endpoint
     */
    record UpgradeAvailable(String account, Endpoint endpoint) implements LatchEvent {
        @Override
        public Kind kind() {
            return Kind.UPGRADE_AVAILABLE;
        }
    }

    /**
     * A server advertisement changed nothing: it arrived before TLS or the identity check, asked
     * for less than what is latched, or named what the session did not show (EXT-02, EXT-06).
     *
     * @param account the account
     * @param endpoint the endpoint
     * @param reason why, in words
     */
    record AdvertisementIgnored(String account, Endpoint endpoint, String reason) implements LatchEvent {
        @Override
        public Kind kind() {
            return Kind.ADVERTISEMENT_IGNORED;
        }
    }

    /**
     * The account's latches were reset by an explicit account edit (L10).
     *
     * @param account the account
     * @param warning the privacy warning the edit returned
     */
    record Reset(String account, PrivacyWarning warning) implements LatchEvent {
        @Override
        public Kind kind() {
            return Kind.RESET;
        }
    }

    /**
     * The latch store failed, so the session was refused (L15, LAT-18).
     *
     * @param account the account
     * @param endpoint the endpoint
     * @param message the store's failure
     */
    record StoreUnavailable(String account, Endpoint endpoint, String message) implements LatchEvent {
        /**
         * Validates the event.
         *
         * @param account the account
         * @param endpoint the endpoint
         * @param message the message
         */
        public StoreUnavailable {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public Kind kind() {
            return Kind.STORE_UNAVAILABLE;
        }
    }
}
