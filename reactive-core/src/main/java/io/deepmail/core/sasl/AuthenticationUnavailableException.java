package io.deepmail.core.sasl;

import io.deepmail.core.CommandFailedException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * No SASL mechanism fits: none that the server advertises is both allowed by the client and able
 * to use the credentials, on this channel. Nothing was sent.
 *
 * <p>Why a {@link CommandFailedException}: the server understood what the client needs and, by
 * what it advertises, declines it; like a refusal, it is permanent until the server's or the
 * client's configuration changes. It is not a {@link io.deepmail.core.TlsPolicyException}: the TLS
 * policy held, and a weaker path would not help. When mechanisms were withheld because the session
 * is cleartext, {@link #withheld()} names them, and the fix is TLS, not consent.
 *
 * @since 0.1
 */
public final class AuthenticationUnavailableException extends CommandFailedException {

    private static final long serialVersionUID = 1L;

    /** The mechanisms the server advertised. */
    private final List<String> advertised;

    /** The mechanisms that would have fit but reveal a secret on a cleartext session. */
    private final List<String> withheld;

    /**
     * Creates the failure.
     *
     * @param advertised the mechanisms the server advertised
     * @param allowed the mechanisms the client allowed, in preference order
     * @param credentialType what kind of credentials were offered, for example {@code "password"}
     * @param withheld the mechanisms withheld because the session is cleartext
     */
    public AuthenticationUnavailableException(List<String> advertised, List<String> allowed, String credentialType,
            List<String> withheld) {
        super("no SASL mechanism fits: the server advertises " + advertised + ", the client allows " + allowed
                + " for " + credentialType + " credentials"
                + (withheld.isEmpty() ? "" : "; " + withheld + " withheld because the session is cleartext"
                        + " and would expose the secret"), null);
        this.advertised = List.copyOf(advertised);
        this.withheld = List.copyOf(withheld);
    }

    /**
     * The mechanisms the server advertised, as it spelled them.
     *
     * @return an unmodifiable list
     */
    public List<String> advertised() {
        return advertised;
    }

    /**
     * The mechanisms that would have fit but were withheld because the session is cleartext.
     *
     * @return an unmodifiable list, empty when the cleartext gate played no part
     */
    public List<String> withheld() {
        return withheld;
    }

    /**
     * There is no server response code: the selection happens before any command.
     *
     * @return {@code null}
     */
    @Override
    public @Nullable String responseCode() {
        return null;
    }
}
