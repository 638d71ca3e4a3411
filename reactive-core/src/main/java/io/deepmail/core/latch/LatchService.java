package io.deepmail.core.latch;

import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.PrivacyWarning;
import io.deepmail.core.SessionObserver;
import io.deepmail.core.internal.latch.LatchEdits;
import io.deepmail.core.internal.latch.LatchEvaluator;
import io.deepmail.core.internal.latch.LatchEvents;
import io.deepmail.core.internal.latch.LatchGate;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.security.SessionSecurity;
import java.security.cert.X509Certificate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Latching for a set of accounts: the rules of REQUIREMENTS §3 over one {@link LatchStore}.
 * Copy-on-write: every configuration call returns a new service and leaves this one unchanged.
 *
 * <p>Automatic transitions ({@link #admit}, {@link #applyAdvertisement}) only raise. The explicit
 * account edits are {@link #confirm}, {@link #reset}, {@link #pinAtSetup} and {@link #revokePin};
 * only {@link #reset} lowers, and it returns the privacy warning (L10). Nothing here is reachable
 * from an error: errors carry no reference to the service.
 *
 * @since 0.1
 */
public final class LatchService {

    private final LatchStore store;
    private final LatchPolicy policy;
    private final SessionObserver observer;
    private final MailClientMetricsRecorder metrics;
    private final Map<MailProtocol, PolicyAdvertisementParser> parsers;

    private LatchService(LatchStore store, LatchPolicy policy, SessionObserver observer,
            MailClientMetricsRecorder metrics, Map<MailProtocol, PolicyAdvertisementParser> parsers) {
        this.store = store;
        this.policy = policy;
        this.observer = observer;
        this.metrics = metrics;
        this.parsers = parsers;
    }

    /**
     * A service on {@code store} with the default policy, no observer and no advertisement parser.
     *
     * @param store the store
     * @return the service
     */
    public static LatchService create(LatchStore store) {
        return new LatchService(Objects.requireNonNull(store, "store"), LatchPolicy.defaults(), SessionObserver.NOOP,
                MailClientMetricsRecorder.NOOP, Map.of());
    }

    /**
     * A copy with another policy.
     *
     * @param newPolicy the policy
     * @return a new service
     */
    public LatchService policy(LatchPolicy newPolicy) {
        return new LatchService(store, Objects.requireNonNull(newPolicy, "policy"), observer, metrics, parsers);
    }

    /**
     * A copy that also notifies {@code next} of latch events and of {@code LATCHED}.
     *
     * @param next the observer to add
     * @return a new service
     */
    public LatchService observe(SessionObserver next) {
        Objects.requireNonNull(next, "next");
        return new LatchService(store, policy, observer == SessionObserver.NOOP ? next : observer.then(next), metrics,
                parsers);
    }

    /**
     * A copy that records latch events into {@code recorder}.
     *
     * @param recorder the recorder
     * @return a new service
     */
    public LatchService metrics(MailClientMetricsRecorder recorder) {
        return new LatchService(store, policy, observer, Objects.requireNonNull(recorder, "recorder"), parsers);
    }

    /**
     * A copy that reads advertisements of one protocol with {@code parser} (EXT-02). None is
     * installed by default.
     *
     * @param parser the parser; replaces any parser for its protocol
     * @return a new service
     */
    public LatchService advertisementParser(PolicyAdvertisementParser parser) {
        Map<MailProtocol, PolicyAdvertisementParser> p = new EnumMap<>(MailProtocol.class);
        p.putAll(parsers);
        p.put(parser.protocol(), parser);
        return new LatchService(store, policy, observer, metrics, Map.copyOf(p));
    }

    /**
     * The policy.
     *
     * @return the policy
     */
    public LatchPolicy policy() {
        return policy;
    }

    /**
     * The store.
     *
     * @return the store
     */
    public LatchStore store() {
        return store;
    }

    /**
     * The account's latches.
     *
     * @param account the account
     * @return the stored state
     */
    public Mono<LatchState> state(Account account) {
        return store.load(account.latchKey());
    }

    /**
     * Checks a session without any effect (L6–L9): what {@link #admit} would decide.
     *
     * @param account the account
     * @param state the account's latches
     * @param session the session
     * @return the evaluation
     */
    public LatchEvaluation evaluate(Account account, LatchState state, SessionSecurity session) {
        return LatchEvaluator.evaluate(account, state, session, policy);
    }

    /**
     * The gate of one session, run after the handshake and identity check and before any credential
     * (L6): loads the latches, refuses a violation (L7, L8), waits for {@code acceptOnce()} in warn
     * mode, warns on provisional PFS (L9), signals an upgrade (L13), and records a compliant session
     * (L3, L4(c)) before completing. A store failure refuses the session (L15).
     *
     * @param account the account
     * @param session the session
     * @return the evaluation when the session may go on; else a
     *         {@link io.deepmail.core.LatchViolationException} or {@link io.deepmail.core.LatchStoreException}
     */
    public Mono<LatchEvaluation> admit(Account account, SessionSecurity session) {
        return new LatchGate(store, policy, events()).admit(account, session);
    }

    /**
     * Confirms every provisional latch of the endpoint except PFS, and its TLS version floors (L4(a)).
     *
     * @param account the account
     * @param endpoint the endpoint
     * @return the stored state afterwards
     */
    public Mono<LatchState> confirm(Account account, Endpoint endpoint) {
        Set<SecurityTag> tags = EnumSet.allOf(SecurityTag.class);
        tags.remove(SecurityTag.PFS);
        return edits().confirm(account, endpoint, tags, true);
    }

    /**
     * Confirms the named provisional tags of the endpoint (L4(a)); naming PFS is the only way to
     * make PFS binding (L9).
     *
     * @param account the account
     * @param endpoint the endpoint
     * @param tags the tags
     * @return the stored state afterwards
     */
    public Mono<LatchState> confirm(Account account, Endpoint endpoint, Set<SecurityTag> tags) {
        return edits().confirm(account, endpoint, Set.copyOf(tags), false);
    }

    /**
     * Feeds capability data to the installed parser of the session's protocol (EXT-02). With no
     * parser it does nothing (EXT-01). The advertisement can only confirm provisional latches the
     * session showed; what asks for less changes nothing and is logged (EXT-06).
     *
     * @param account the account
     * @param capabilities post-TLS, post-identity capability data
     * @return the stored state afterwards
     */
    public Mono<LatchState> applyAdvertisement(Account account, AuthenticatedCapabilities capabilities) {
        PolicyAdvertisementParser parser = parsers.get(capabilities.security().endpoint().protocol());
        Optional<PolicyAdvertisement> ad = parser == null ? Optional.empty() : parser.parse(capabilities);
        return ad.map(a -> edits().advertise(account, capabilities, a)).orElseGet(() -> state(account));
    }

    /**
     * Feeds capability lines of a session that may not be authenticated: before TLS, in a pinned
     * or unvalidated session, they are discarded and the event says so (EXT-02).
     *
     * @param account the account
     * @param session the session they were read in, or empty before TLS
     * @param endpoint the endpoint they came from
     * @param lines the capability lines
     * @return the stored state afterwards
     */
    public Mono<LatchState> applyAdvertisement(Account account, Optional<SessionSecurity> session, Endpoint endpoint,
            List<String> lines) {
        if (session.isEmpty() || !AuthenticatedCapabilities.isAuthenticated(session.get())) {
            if (parsers.containsKey(endpoint.protocol())) {
                events().publish(new LatchEvent.AdvertisementIgnored(account.latchKey(), endpoint,
                        "capability data before TLS or without a verified server is never used (EXT-02)"));
            }
            return state(account);
        }
        return applyAdvertisement(account, AuthenticatedCapabilities.of(session.get(), lines));
    }

    /**
     * Clears every latch of the account: an explicit account edit (L10). Pins stay as they are.
     *
     * @param account the account
     * @param reason why, for the record
     * @return the privacy warning to show the user
     */
    public Mono<PrivacyWarning> reset(Account account, String reason) {
        return edits().reset(account, Objects.requireNonNull(reason, "reason"));
    }

    /**
     * Pins a certificate that does not validate, for this account only, during account setup (L12):
     * before the account has recorded any session. A pinned session stays level 0.
     *
     * @param account the account being set up
     * @param certificate the certificate the user accepted
     * @return the pin; an {@link IllegalStateException} once setup is over
     */
    public Mono<Pin> pinAtSetup(Account account, X509Certificate certificate) {
        Pin pin = new Pin(Pin.fingerprint(certificate), policy.clock().instant(), false);
        return edits().pinAtSetup(account, certificate, pin);
    }

    /**
     * Revokes a pin of the account, for good.
     *
     * @param account the account
     * @param sha256 the pin's fingerprint
     * @return the stored state afterwards
     */
    public Mono<LatchState> revokePin(Account account, String sha256) {
        return edits().revoke(account, sha256);
    }

    private LatchEvents events() {
        return new LatchEvents(observer, metrics);
    }

    private LatchEdits edits() {
        return new LatchEdits(store, events());
    }
}
