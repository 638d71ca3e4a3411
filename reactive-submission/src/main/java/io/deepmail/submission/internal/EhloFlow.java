package io.deepmail.submission.internal;

import io.deepmail.submission.internal.codec.SmtpCommands;
import reactor.core.publisher.Mono;

/**
 * EHLO, and HELO only where the account allows level 0: a server that refuses EHLO offers neither
 * STARTTLS nor AUTH, so at level 1 the refusal is final.
 */
final class EhloFlow {

    private EhloFlow() {
    }

    static Mono<EhloCapabilities> run(SmtpWire wire, String domain, boolean heloAllowed) {
        return Mono.defer(() -> wire.command(SmtpCommands.ehlo(domain))).flatMap(reply -> {
            if (reply.isPositiveCompletion()) {
                return Mono.just(EhloCapabilities.parse(reply));
            }
            if (!heloAllowed || reply.code() / 100 != 5) {
                return Mono.error(Replies.failure("EHLO", reply));
            }
            return wire.command(SmtpCommands.helo(domain))
                    .map(helo -> {
                        Replies.expectOk("HELO", helo);
                        return EhloCapabilities.NONE;
                    });
        });
    }
}
