package io.deepmail.metrics.micrometer;

import io.deepmail.core.CertificateIdentityException;
import io.deepmail.core.CertificatePathException;
import io.deepmail.core.CommandFailedException;
import io.deepmail.core.ConnectionException;
import io.deepmail.core.DaneVerificationException;
import io.deepmail.core.DnssecBogusException;
import io.deepmail.core.LatchStoreException;
import io.deepmail.core.LatchViolationException;
import io.deepmail.core.MailTimeoutException;
import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.RequestQueueFullException;
import io.deepmail.core.ResponseQueueFullException;
import io.deepmail.core.StartTlsInjectionException;
import io.deepmail.core.StartTlsUnavailableException;
import io.deepmail.core.TlsNegotiationException;
import io.deepmail.core.TlsPolicyException;
import io.deepmail.core.TlsRequiredException;
import io.deepmail.core.connect.CandidatesExhaustedException;
import io.deepmail.core.sasl.AuthenticationUnavailableException;
import io.deepmail.core.sasl.SaslAuthenticationException;
import io.deepmail.core.sasl.SaslMutualAuthenticationException;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Turns a failure into a bounded tag value: the simple name of the nearest class, walking up from
 * the failure's own, that is on a fixed list of deepmail's typed failures, else {@code other}. A
 * protocol module's {@code ImapNoException} thus counts as {@code CommandFailedException}.
 */
final class FailureReasons {

    private static final Set<Class<? extends Throwable>> KNOWN = Set.of(
            CandidatesExhaustedException.class, CertificateIdentityException.class, CertificatePathException.class,
            CommandFailedException.class, ConnectionException.class, DaneVerificationException.class,
            DnssecBogusException.class, LatchStoreException.class, LatchViolationException.class,
            MailTimeoutException.class, ProtocolViolationException.class, RequestQueueFullException.class,
            ResponseQueueFullException.class, StartTlsInjectionException.class, StartTlsUnavailableException.class,
            TlsNegotiationException.class, TlsPolicyException.class, TlsRequiredException.class,
            AuthenticationUnavailableException.class, SaslAuthenticationException.class,
            SaslMutualAuthenticationException.class, CancellationException.class, TimeoutException.class);

    private FailureReasons() {
    }

    /**
     * The tag value of a failure.
     *
     * @param failure the failure, or {@code null} for none
     * @return a simple class name from the list, {@code other}, or {@code none} for {@code null}
     */
    static String of(@Nullable Throwable failure) {
        if (failure == null) {
            return MailMeterNames.NONE;
        }
        for (Class<?> c = failure.getClass(); c != null && c != Throwable.class; c = c.getSuperclass()) {
            if (KNOWN.contains(c)) {
                return c.getSimpleName();
            }
        }
        return MailMeterNames.OTHER;
    }

    /**
     * Every value {@link #of} can return, for documentation and tests.
     *
     * @return the simple names, {@code other} and {@code none}
     */
    static Set<String> values() {
        Set<String> all = new TreeSet<>();
        KNOWN.forEach(c -> all.add(c.getSimpleName()));
        all.add(MailMeterNames.OTHER);
        all.add(MailMeterNames.NONE);
        return all;
    }
}
