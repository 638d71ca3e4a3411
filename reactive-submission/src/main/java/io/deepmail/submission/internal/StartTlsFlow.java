package io.deepmail.submission.internal;

import io.deepmail.core.StartTlsUnavailableException;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.submission.internal.codec.SmtpCommands;
import reactor.core.publisher.Mono;

/**
 * STARTTLS through the core primitive (RFC 3207, TLS-09..12): offered or a typed refusal; the
 * command as an exclusive exchange; 220 is the only go-ahead (454, 502, 354 and the rest are
 * {@link StartTlsUnavailableException}); bytes behind the go-ahead abort; the handshake is checked
 * like Implicit TLS; then everything learned before TLS is dropped by the caller and EHLO runs again.
 */
final class StartTlsFlow {

    private StartTlsFlow() {
    }

    static Mono<SessionSecurity> run(SmtpWire wire, EhloCapabilities cleartext) {
        if (!cleartext.has(EhloCapabilities.STARTTLS)) {
            return Mono.error(new StartTlsUnavailableException(wire.connection().endpoint()
                    + " does not offer STARTTLS; the TLS policy does not allow continuing in cleartext (TLS-15)"));
        }
        return wire.startTls(SmtpCommands.startTls());
    }
}
