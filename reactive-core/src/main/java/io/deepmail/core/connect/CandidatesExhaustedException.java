package io.deepmail.core.connect;

import io.deepmail.core.ConnectionException;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailClientException;
import io.deepmail.core.TlsPolicyException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every candidate of a connect failed. The message lists each candidate with its typed reason.
 * Transient only when no candidate failed a security check: a TLS policy failure is never cured
 * by trying again on a weaker path.
 *
 * @since 0.1
 */
public final class CandidatesExhaustedException extends ConnectionException {

    private static final long serialVersionUID = 1L;

    /** One failed candidate. */
    public record Failure(Endpoint endpoint, String address, MailClientException reason) {
    }

    @SuppressWarnings("serial") // the list is immutable and holds serializable exceptions
    private final List<Failure> failures;

    /**
     * Creates the failure.
     *
     * @param failures every candidate with its reason, in the order tried
     */
    public CandidatesExhaustedException(List<Failure> failures) {
        super(message(failures), failures.isEmpty() ? null : failures.get(failures.size() - 1).reason());
        this.failures = List.copyOf(failures);
    }

    private static String message(List<Failure> failures) {
        if (failures.isEmpty()) {
            return "no candidate could be tried: none meets the account's minimum level";
        }
        return "every candidate failed:" + failures.stream()
                .map(f -> "\n  " + f.endpoint() + " via " + f.address() + ": " + f.reason().getClass().getSimpleName()
                        + ": " + f.reason().getMessage())
                .collect(Collectors.joining());
    }

    /**
     * Every candidate with its reason, in the order tried.
     *
     * @return the failures
     */
    public List<Failure> failures() {
        return failures;
    }

    @Override
    public boolean isTransient() {
        return failures.stream().noneMatch(f -> f.reason() instanceof TlsPolicyException);
    }
}
