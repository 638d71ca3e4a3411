package io.deepmail.pop3;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a POP3 server advertised in its {@code CAPA} response (RFC 2449), read again after TLS: the
 * capability names with their arguments. A server without {@code CAPA} has {@link #none()}.
 *
 * @param entries every capability name, upper-cased, with its arguments in order
 * @since 0.1
 */
public record Pop3Capabilities(Map<String, List<String>> entries) {

    private static final Pop3Capabilities NONE = new Pop3Capabilities(Map.of());

    /**
     * Copies the entries.
     *
     * @param entries the capabilities
     */
    public Pop3Capabilities {
        entries = Map.copyOf(entries);
    }

    /**
     * The capabilities of a server that does not support {@code CAPA}.
     *
     * @return no capabilities
     */
    public static Pop3Capabilities none() {
        return NONE;
    }

    /**
     * Whether the server advertised a capability.
     *
     * @param name the name, in any case
     * @return {@code true} when advertised
     */
    public boolean has(String name) {
        return entries.containsKey(name.toUpperCase(Locale.ROOT));
    }

    /**
     * The arguments of a capability.
     *
     * @param name the name, in any case
     * @return the arguments, or empty when the capability is not advertised
     */
    public Optional<List<String>> arguments(String name) {
        return Optional.ofNullable(entries.get(name.toUpperCase(Locale.ROOT)));
    }

    /**
     * The SASL mechanisms of the {@code SASL} capability (RFC 5034), upper-cased.
     *
     * @return the mechanisms, empty when none are offered
     */
    public List<String> saslMechanisms() {
        return arguments("SASL").orElse(List.of()).stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
    }

    /**
     * Whether {@code STLS} is offered (RFC 2595 §4).
     *
     * @return {@code true} when offered
     */
    public boolean stls() {
        return has("STLS");
    }

    /**
     * Whether {@code PIPELINING} is offered (RFC 2449 §6.6).
     *
     * @return {@code true} when offered
     */
    public boolean pipelining() {
        return has("PIPELINING");
    }
}
