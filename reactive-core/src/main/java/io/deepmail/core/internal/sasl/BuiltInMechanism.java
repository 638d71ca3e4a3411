package io.deepmail.core.internal.sasl;

import io.deepmail.core.auth.Credentials;
import io.deepmail.core.sasl.SaslClient;
import io.deepmail.core.sasl.SaslMechanism;
import java.util.Objects;
import java.util.function.Function;

/**
 * One built-in mechanism: its name, the credential type it uses and how to start it.
 *
 * @param <C> the credential type
 */
public final class BuiltInMechanism<C extends Credentials> implements SaslMechanism {

    private final String name;
    private final Class<C> credentialType;
    private final boolean revealsSecret;
    private final Function<C, SaslClient> factory;

    private BuiltInMechanism(String name, Class<C> credentialType, boolean revealsSecret,
            Function<C, SaslClient> factory) {
        this.name = name;
        this.credentialType = credentialType;
        this.revealsSecret = revealsSecret;
        this.factory = factory;
    }

    /**
     * A mechanism.
     *
     * @param name the registered name
     * @param credentialType the credentials it uses; {@link Credentials} itself for any
     * @param revealsSecret whether a reusable secret crosses the wire
     * @param factory starts one authentication
     * @param <C> the credential type
     * @return the mechanism
     */
    public static <C extends Credentials> BuiltInMechanism<C> of(String name, Class<C> credentialType,
            boolean revealsSecret, Function<C, SaslClient> factory) {
        return new BuiltInMechanism<>(name, credentialType, revealsSecret, factory);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean supports(Credentials credentials) {
        return credentialType.isInstance(credentials);
    }

    @Override
    public boolean revealsSecret() {
        return revealsSecret;
    }

    @Override
    public SaslClient newClient(Credentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        if (!supports(credentials)) {
            throw new IllegalArgumentException(name + " cannot authenticate with "
                    + credentials.getClass().getSimpleName() + " credentials");
        }
        return factory.apply(credentialType.cast(credentials));
    }

    @Override
    public String toString() {
        return name;
    }
}
