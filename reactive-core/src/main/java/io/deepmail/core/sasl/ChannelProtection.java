package io.deepmail.core.sasl;

import io.deepmail.core.Account;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.security.SessionSecurity;

/**
 * What protects the bytes of an authentication, as far as mechanism selection cares. Mechanisms
 * that reveal a reusable secret ({@link SaslMechanism#revealsSecret()}: PLAIN, LOGIN, XOAUTH2,
 * OAUTHBEARER) are selected only under {@link #TLS} or {@link #CLEARTEXT_CONSENTED}. Derive the
 * value with {@link #of(SessionSecurity, Account)} rather than by hand.
 *
 * @since 0.1
 */
public enum ChannelProtection {

    /** The session runs inside TLS: every byte after the handshake is encrypted. */
    TLS,

    /**
     * Cleartext on a level-0 account whose user explicitly accepted cleartext (EXT-05): everyone on
     * the path can read, and replay, any password or token sent. For tests and localhost.
     */
    CLEARTEXT_CONSENTED,

    /**
     * Cleartext without consent. Only mechanisms that keep the secret off the wire (SCRAM,
     * EXTERNAL) can be selected; anything else is withheld.
     */
    CLEARTEXT;

    /**
     * The protection of a session, from what was observed on it and what the account allows.
     *
     * @param security the session's security record
     * @param account the account being authenticated
     * @return {@link #TLS} when the session earned the {@code TLS} tag, otherwise
     *     {@link #CLEARTEXT_CONSENTED} or {@link #CLEARTEXT} following
     *     {@link Account#cleartextConsent()}
     */
    public static ChannelProtection of(SessionSecurity security, Account account) {
        if (security.has(SecurityTag.TLS)) {
            return TLS;
        }
        return account.cleartextConsent() ? CLEARTEXT_CONSENTED : CLEARTEXT;
    }

    /**
     * Whether a mechanism that reveals a reusable secret may run under this protection.
     *
     * @return {@code true} for {@link #TLS} and {@link #CLEARTEXT_CONSENTED}
     */
    public boolean allowsRevealedSecrets() {
        return this != CLEARTEXT;
    }
}
