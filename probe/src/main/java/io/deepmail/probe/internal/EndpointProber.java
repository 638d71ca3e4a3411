package io.deepmail.probe.internal;

import io.deepmail.core.Account;
import io.deepmail.core.MailTimeoutException;
import io.deepmail.core.connect.Candidate;
import io.deepmail.core.connect.CandidatesExhaustedException;
import io.deepmail.core.connect.MailConnector;
import io.deepmail.core.connect.ProtocolDialect;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.discovery.DiscoveryCandidate;
import io.deepmail.core.transport.MailConnection;
import io.deepmail.probe.EndpointProbe;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;

/**
 * Opens one candidate on its own through the core connector: DNS (addresses, TLSA), TCP, TLS with
 * path, identity and DANE checks, the protocol's greeting and STARTTLS, and the level check; then
 * closes it. Whatever happened becomes an {@link EndpointProbe}.
 */
final class EndpointProber {

    private final MailConnector connector;
    private final Dialects dialects;
    private final Duration timeout;

    EndpointProber(MailConnector connector, Dialects dialects, Duration timeout) {
        this.connector = connector;
        this.dialects = dialects;
        this.timeout = timeout;
    }

    Mono<EndpointProbe> probe(Account account, DiscoveryCandidate found, Candidate target) {
        return probe(account, found, target, dialects.of(target.endpoint().protocol()));
    }

    private <S> Mono<EndpointProbe> probe(Account account, DiscoveryCandidate found, Candidate target,
            ProtocolDialect<S> dialect) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            Targets one = new Targets(target.endpoint().protocol(), List.of(target));
            return connector.connect(account, one, dialect)
                    .flatMap(session -> {
                        MailConnection connection = dialect.connection(session);
                        EndpointProbe probe = Outcomes.established(found, connection.security().orElseThrow(),
                                millisSince(start));
                        return connection.close().onErrorResume(e -> Mono.empty()).thenReturn(probe);
                    })
                    .timeout(timeout)
                    .onErrorResume(e -> Mono.just(Outcomes.refused(found, reason(e), millisSince(start))));
        });
    }

    private Throwable reason(Throwable e) {
        if (e instanceof CandidatesExhaustedException exhausted && exhausted.failures().size() == 1) {
            return exhausted.failures().get(0).reason();
        }
        if (e instanceof TimeoutException) {
            return new MailTimeoutException("no outcome within the probe's timeout", timeout);
        }
        return e;
    }

    private static long millisSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
