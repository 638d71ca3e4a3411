package io.deepmail.pop3.internal;

import io.deepmail.core.StartTlsUnavailableException;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.pop3.Pop3Capabilities;
import reactor.core.publisher.Mono;

/**
 * {@code STLS} (RFC 2595 §4) through the core STARTTLS primitive: required in the pre-TLS
 * capabilities, else {@link StartTlsUnavailableException}; a {@code -ERR} is the same failure
 * (TLS-15); bytes behind the {@code +OK} are injection (TLS-11). Nothing else is sent before TLS.
 */
final class StlsFlow {

    private StlsFlow() {
    }

    static Mono<SessionSecurity> upgrade(Pop3Channel channel, Pop3Capabilities capabilities) {
        if (!capabilities.stls()) {
            return Mono.error(new StartTlsUnavailableException(channel.connection().endpoint()
                    + " does not advertise STLS; the TLS policy does not allow continuing in cleartext (TLS-15)"));
        }
        return channel.startTls();
    }
}
