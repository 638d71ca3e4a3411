package io.deepmail.core;

import io.deepmail.core.auth.CredentialsProvider;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.tls.TrustAnchors;
import java.net.IDN;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One mail account: its address, its minimum confidentiality level (REQUIREMENTS §3.3 L1: 1 by
 * default), the key of its latches, optional per-account trust anchors, and an asynchronous
 * credentials provider. Immutable; lowering the level is an explicit edit that returns a privacy
 * warning (L10), never a side effect of an error.
 *
 * @since 0.1
 */
public final class Account {

    private final String address;
    private final String localPart;
    private final String domain;
    private final ConfidentialityLevel minimumLevel;
    private final CredentialsProvider credentials;
    private final String latchKey;
    private final @Nullable TrustAnchors trustAnchors;
    private final boolean cleartextConsent;

    private Account(Builder b) {
        String addr = Objects.requireNonNull(b.address, "address").strip();
        int at = addr.lastIndexOf('@');
        if (at <= 0 || at == addr.length() - 1) {
            throw new IllegalArgumentException("not an email address: " + addr);
        }
        this.localPart = addr.substring(0, at);
        this.domain = IDN.toASCII(addr.substring(at + 1), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        this.address = localPart + "@" + domain;
        this.minimumLevel = b.minimumLevel;
        this.credentials = Objects.requireNonNull(b.credentials, "credentials are required");
        this.latchKey = b.latchKey != null ? b.latchKey : address.toLowerCase(Locale.ROOT);
        this.trustAnchors = b.trustAnchors;
        this.cleartextConsent = b.cleartextConsent;
        if (cleartextConsent && minimumLevel != ConfidentialityLevel.NONE) {
            throw new IllegalArgumentException("cleartext consent is only possible on a level-0 account (EXT-05)");
        }
    }

    /**
     * A builder for the account with this address.
     *
     * @param emailAddress the address, e.g. {@code alice@example.com}
     * @return a builder with level 1
     */
    public static Builder builder(String emailAddress) {
        return new Builder(emailAddress);
    }

    /**
     * The address, with the domain in lower-case A-labels.
     *
     * @return the address
     */
    public String address() {
        return address;
    }

    /**
     * The part before the {@code @}.
     *
     * @return the local part
     */
    public String localPart() {
        return localPart;
    }

    /**
     * The email domain D of REQUIREMENTS §1.4: where discovery looks, and a reference identifier.
     *
     * @return the domain
     */
    public String domain() {
        return domain;
    }

    /**
     * The minimum confidentiality level (L1).
     *
     * @return the level
     */
    public ConfidentialityLevel minimumLevel() {
        return minimumLevel;
    }

    /**
     * The credentials provider, asked on every connect after the security checks.
     *
     * @return the provider
     */
    public CredentialsProvider credentials() {
        return credentials;
    }

    /**
     * The key under which this account's latches are stored.
     *
     * @return the key; the lower-cased address unless set
     */
    public String latchKey() {
        return latchKey;
    }

    /**
     * Trust anchors for this account only, replacing the client's.
     *
     * @return the anchors, if set
     */
    public Optional<TrustAnchors> trustAnchors() {
        return Optional.ofNullable(trustAnchors);
    }

    /**
     * Whether the user explicitly accepted cleartext for this level-0 account (EXT-05).
     *
     * @return {@code true} only with explicit consent
     */
    public boolean cleartextConsent() {
        return cleartextConsent;
    }

    /**
     * A builder pre-filled with this account. Lowering the level through it is possible only
     * through {@link Builder#lowerMinimumLevel}, which says what is lost.
     *
     * @return a new builder
     */
    public Builder mutate() {
        Builder b = new Builder(address);
        b.minimumLevel = minimumLevel;
        b.credentials = credentials;
        b.latchKey = latchKey;
        b.trustAnchors = trustAnchors;
        b.cleartextConsent = cleartextConsent;
        return b;
    }

    @Override
    public String toString() {
        return "Account[" + address + ", level " + minimumLevel.value() + "]";
    }

    /**
     * Builds an {@link Account}.
     *
     * @since 0.1
     */
    public static final class Builder {

        private final String address;
        private ConfidentialityLevel minimumLevel = ConfidentialityLevel.VERIFIED;
        private @Nullable CredentialsProvider credentials;
        private @Nullable String latchKey;
        private @Nullable TrustAnchors trustAnchors;
        private boolean cleartextConsent;

        private Builder(String address) {
            this.address = address;
        }

        /**
         * The credentials provider.
         *
         * @param provider the provider
         * @return this builder
         */
        public Builder credentials(CredentialsProvider provider) {
            this.credentials = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /**
         * Raises the minimum level. Raising is always allowed.
         *
         * @param level the level, at least the current one
         * @return this builder
         * @throws IllegalArgumentException when {@code level} is lower: use {@link #lowerMinimumLevel}
         */
        public Builder minimumLevel(ConfidentialityLevel level) {
            if (!level.meets(minimumLevel)) {
                throw new IllegalArgumentException("lowering the minimum level needs lowerMinimumLevel(), "
                        + "which returns the privacy warning (L10)");
            }
            this.minimumLevel = level;
            return this;
        }

        /**
         * Lowers the minimum level: an explicit account edit (REQUIREMENTS L10, TLS-08).
         *
         * @param level the new, lower level
         * @return the privacy warning the caller must show or record
         */
        public PrivacyWarning lowerMinimumLevel(ConfidentialityLevel level) {
            ConfidentialityLevel previous = minimumLevel;
            this.minimumLevel = Objects.requireNonNull(level, "level");
            return new PrivacyWarning(address, previous, level, "With level " + level.value()
                    + ", deepmail no longer guarantees that passwords and messages of " + address
                    + " are protected by TLS with a verified server; anyone on the network path may read or change them.");
        }

        /**
         * Consents to cleartext on a level-0 account (EXT-05). Without it, even a level-0 account
         * never connects without TLS.
         *
         * @param consent whether cleartext is accepted
         * @return this builder
         */
        public Builder cleartextConsent(boolean consent) {
            this.cleartextConsent = consent;
            return this;
        }

        /**
         * The key under which latches are stored, when the address is not a stable key.
         *
         * @param key the key
         * @return this builder
         */
        public Builder latchKey(String key) {
            this.latchKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Trust anchors for this account only.
         *
         * @param anchors the anchors
         * @return this builder
         */
        public Builder trustAnchors(TrustAnchors anchors) {
            this.trustAnchors = Objects.requireNonNull(anchors, "anchors");
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the account
         */
        public Account build() {
            return new Account(this);
        }
    }
}
