package io.deepmail.metrics.micrometer;

import io.deepmail.core.metrics.MailPhase;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * The default key values of deepmail's observations. Low cardinality, always: {@code protocol},
 * {@code mode}, {@code outcome} and {@code error} (the failure's class from a fixed list, or
 * {@code none}), plus {@code verb} for commands and {@code mechanism} for authentication, both from
 * fixed lists. High cardinality, only when the user opts in: {@code host} and {@code port}. The
 * observation's name is the phase's {@link MailObservations} name; the contextual name reads like
 * {@code imap tls handshake} or {@code imap FETCH}. Open for extension.
 *
 * @since 0.1
 */
public class DefaultMailObservationConvention implements MailObservationConvention {

    private final boolean hostKeys;

    /** A convention without host keys. */
    public DefaultMailObservationConvention() {
        this(false);
    }

    /**
     * A convention with or without host keys.
     *
     * @param hostKeys whether {@code host} and {@code port} are added as high-cardinality key values
     */
    public DefaultMailObservationConvention(boolean hostKeys) {
        this.hostKeys = hostKeys;
    }

    /**
     * Left to the context, which carries the phase's name.
     *
     * @return {@code null}
     */
    @Override
    public @Nullable String getName() {
        return null;
    }

    @Override
    public String getContextualName(MailObservationContext context) {
        String protocol = TagValues.protocol(context.endpoint().protocol());
        return switch (context.phase()) {
            case CONNECT -> protocol + " connect";
            case TLS_HANDSHAKE -> protocol + " tls handshake";
            case AUTHENTICATION -> protocol + " authenticate " + CommandVerbs.mechanism(context.detail());
            case COMMAND -> protocol + " " + CommandVerbs.verb(context.endpoint().protocol(), context.detail());
        };
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(MailObservationContext context) {
        KeyValues values = KeyValues.of(
                MailKeyNames.PROTOCOL.withValue(TagValues.protocol(context.endpoint().protocol())),
                MailKeyNames.MODE.withValue(TagValues.lower(context.endpoint().mode())),
                MailKeyNames.OUTCOME.withValue(context.outcome()),
                MailKeyNames.ERROR.withValue(FailureReasons.of(context.getError())));
        if (context.phase() == MailPhase.COMMAND) {
            values = values.and(MailKeyNames.VERB.withValue(CommandVerbs.verb(context.endpoint().protocol(),
                    context.detail())));
        } else if (context.phase() == MailPhase.AUTHENTICATION) {
            values = values.and(MailKeyNames.MECHANISM.withValue(CommandVerbs.mechanism(context.detail())));
        }
        return values;
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(MailObservationContext context) {
        if (!hostKeys) {
            return KeyValues.empty();
        }
        return KeyValues.of(MailKeyNames.HOST.withValue(context.endpoint().host()),
                MailKeyNames.PORT.withValue(Integer.toString(context.endpoint().port())));
    }
}
