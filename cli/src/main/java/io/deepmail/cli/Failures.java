package io.deepmail.cli;

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
import io.deepmail.core.TlsPolicyException;
import io.deepmail.core.connect.CandidatesExhaustedException;
import io.deepmail.core.sasl.AuthenticationUnavailableException;
import io.deepmail.core.sasl.SaslAuthenticationException;
import io.deepmail.core.sasl.SaslMutualAuthenticationException;
import io.deepmail.submission.SmtpReplyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeoutException;

/**
 * The one mapping from failures to {@link ExitCode}s and to the one line printed on standard error.
 * The core's sealed {@code MailClientException} hierarchy decides; a command that failed while
 * authenticating is an authentication failure unless TLS or the latches refused it.
 */
public final class Failures {

    private Failures() {
    }

    /**
     * The exit code for a failure.
     *
     * @param failure what went wrong
     * @param authenticating whether it happened after the session was established, while logging in
     * @return the exit code
     */
    public static ExitCode classify(Throwable failure, boolean authenticating) {
        Throwable t = unwrap(failure);
        if (t instanceof CandidatesExhaustedException exhausted && !exhausted.failures().isEmpty()) {
            return classify(exhausted.failures().get(0).reason(), authenticating);
        }
        if (t instanceof TlsPolicyException tls) {
            return tlsPolicy(tls);
        }
        if (t instanceof CommandFailedException command) {
            return authenticating || isAuthentication(command) ? ExitCode.AUTHENTICATION : ExitCode.PROTOCOL;
        }
        if (t instanceof ProtocolViolationException) {
            return ExitCode.PROTOCOL;
        }
        if (t instanceof ConnectionException || t instanceof MailTimeoutException) {
            return ExitCode.NETWORK;
        }
        if (t instanceof IOException || t instanceof UncheckedIOException || t instanceof TimeoutException) {
            return ExitCode.NETWORK;
        }
        if (t instanceof IllegalArgumentException) {
            return ExitCode.USAGE;
        }
        return ExitCode.FAILURE;
    }

    private static ExitCode tlsPolicy(TlsPolicyException tls) {
        if (tls instanceof CertificateIdentityException || tls instanceof CertificatePathException) {
            return ExitCode.IDENTITY;
        }
        if (tls instanceof DaneVerificationException || tls instanceof DnssecBogusException) {
            return ExitCode.DANE;
        }
        if (tls instanceof LatchViolationException || tls instanceof LatchStoreException) {
            return ExitCode.LATCH_VIOLATION;
        }
        if (tls instanceof SaslMutualAuthenticationException) {
            return ExitCode.AUTHENTICATION;
        }
        return ExitCode.TLS_POLICY;
    }

    private static boolean isAuthentication(CommandFailedException command) {
        if (command instanceof SaslAuthenticationException || command instanceof AuthenticationUnavailableException) {
            return true;
        }
        return command instanceof SmtpReplyException smtp
                && (smtp.code() == 535 || smtp.code() == 534 || smtp.code() == 530);
    }

    /**
     * One line describing a failure, without a stack trace: its kind and message, and for a race
     * that failed everywhere, each candidate's reason.
     *
     * @param failure what went wrong
     * @return the line
     */
    public static String describe(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof CandidatesExhaustedException exhausted && !exhausted.failures().isEmpty()) {
            StringBuilder b = new StringBuilder("every candidate failed:");
            exhausted.failures().forEach(f -> b.append(' ').append(f.endpoint()).append(" -> ")
                    .append(f.reason().getClass().getSimpleName()).append(": ").append(oneLine(f.reason())).append(';'));
            return b.substring(0, b.length() - 1);
        }
        return t.getClass().getSimpleName() + ": " + oneLine(t);
    }

    private static String oneLine(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            Throwable cause = t.getCause();
            message = cause != null && cause != t ? oneLine(cause) : "(no detail)";
        }
        return message.replace('\r', ' ').replace('\n', ' ');
    }

    /**
     * The failure behind Reactor's and the JDK's wrappers.
     *
     * @param failure a failure
     * @return the innermost meaningful failure
     */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = reactor.core.Exceptions.unwrap(failure);
        while ((t instanceof java.util.concurrent.ExecutionException || t instanceof java.util.concurrent.CompletionException
                || t.getClass() == RuntimeException.class) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
