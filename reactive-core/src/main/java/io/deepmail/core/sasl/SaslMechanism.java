package io.deepmail.core.sasl;

import io.deepmail.core.auth.Credentials;

/**
 * A SASL client mechanism: a name, the credentials it can use, and a factory for one
 * authentication. Instances are immutable and safe to share; the built-in ones are the constants of
 * {@link SaslMechanisms}.
 *
 * @since 0.1
 */
public interface SaslMechanism {

    /**
     * The registered mechanism name, upper case, as sent in {@code AUTHENTICATE} or {@code AUTH},
     * for example {@code "SCRAM-SHA-256"}.
     *
     * @return the name
     */
    String name();

    /**
     * Whether this mechanism can authenticate with these credentials.
     *
     * @param credentials the credentials
     * @return {@code true} when {@link #newClient} accepts them
     */
    boolean supports(Credentials credentials);

    /**
     * Whether the mechanism puts a reusable secret (a password or a bearer token) on the wire, so
     * that anyone who can read the channel can replay it. Such mechanisms are selected only over TLS,
     * or on a cleartext session whose level-0 account consented to cleartext ({@link ChannelProtection}).
     *
     * @return {@code true} for PLAIN, LOGIN, XOAUTH2 and OAUTHBEARER
     */
    boolean revealsSecret();

    /**
     * Starts one authentication.
     *
     * @param credentials the credentials, for which {@link #supports} is {@code true}
     * @return a new client, used for this authentication only
     * @throws IllegalArgumentException when the mechanism cannot use these credentials
     */
    SaslClient newClient(Credentials credentials);
}
