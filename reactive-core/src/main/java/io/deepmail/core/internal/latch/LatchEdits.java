package io.deepmail.core.internal.latch;

import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.PrivacyWarning;
import io.deepmail.core.latch.AuthenticatedCapabilities;
import io.deepmail.core.latch.LatchEvent;
import io.deepmail.core.latch.LatchState;
import io.deepmail.core.latch.LatchStore;
import io.deepmail.core.latch.Pin;
import io.deepmail.core.latch.PolicyAdvertisement;
import io.deepmail.core.security.SecurityTag;
import java.security.cert.X509Certificate;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * The explicit transitions: confirmation (L4(a)), advertisements (L4(b)), reset (L10) and pins
 * (L12), each a load, a pure rule and a join into the store.
 *
 * @param store the store
 * @param events where events go
 */
public record LatchEdits(LatchStore store, LatchEvents events) {

    /**
     * Confirms provisional latches of one endpoint.
     *
     * @param account the account
     * @param endpoint the endpoint
     * @param tags the tags to confirm
     * @param versions whether the TLS version floors are confirmed too
     * @return the stored state afterwards
     */
    public Mono<LatchState> confirm(Account account, Endpoint endpoint, Set<SecurityTag> tags, boolean versions) {
        String key = account.latchKey();
        return store.load(key).flatMap(before -> store.merge(key, LatchRules.confirm(before, endpoint, tags, versions))
                .doOnNext(after -> events.publishAll(LatchChanges.between(key, endpoint, before, after,
                        LatchEvent.Source.CONFIRMATION))));
    }

    /**
     * Applies a parsed advertisement from an authenticated session.
     *
     * @param account the account
     * @param capabilities where the advertisement came from
     * @param ad the advertisement
     * @return the stored state afterwards
     */
    public Mono<LatchState> advertise(Account account, AuthenticatedCapabilities capabilities, PolicyAdvertisement ad) {
        String key = account.latchKey();
        Endpoint endpoint = capabilities.security().endpoint();
        return store.load(key).flatMap(before -> {
            Advertisements.Outcome outcome = Advertisements.apply(before, capabilities.security(), ad);
            outcome.ignored().forEach(reason -> events.publish(new LatchEvent.AdvertisementIgnored(key, endpoint, reason)));
            return store.merge(key, outcome.proposal()).doOnNext(after -> events.publishAll(
                    LatchChanges.between(key, endpoint, before, after, LatchEvent.Source.ADVERTISEMENT)));
        });
    }

    /**
     * Resets every latch of the account: a new generation. Pins are kept as they are.
     *
     * @param account the account
     * @param reason why, for the record
     * @return the privacy warning
     */
    public Mono<PrivacyWarning> reset(Account account, String reason) {
        String key = account.latchKey();
        return store.load(key).flatMap(before -> store.merge(key, LatchRules.reset(before))).map(after -> {
            PrivacyWarning warning = new PrivacyWarning(account.address(), account.minimumLevel(),
                    account.minimumLevel(), "The latches of " + account.address() + " were reset (" + reason
                    + "). deepmail no longer remembers which protections its servers showed: until they are "
                    + "learned again, a server that drops them, or an attacker posing as one, is not detected.");
            events.publish(new LatchEvent.Reset(key, warning));
            return warning;
        });
    }

    /**
     * Pins a certificate while the account is still in setup.
     *
     * @param account the account
     * @param certificate the certificate the user accepted
     * @param pin the pin to store
     * @return the pin, or an {@link IllegalStateException} once the account has recorded a session
     */
    public Mono<Pin> pinAtSetup(Account account, X509Certificate certificate, Pin pin) {
        String key = account.latchKey();
        return store.load(key).flatMap(before -> {
            if (!before.isPristine()) {
                return Mono.error(new IllegalStateException("pins are made only at account setup (L12): "
                        + account.address() + " has already recorded sessions or been reset"));
            }
            return store.compareAndSet(key, before.revision(), LatchRules.pin(before, pin)).flatMap(written -> written
                    ? Mono.just(pin)
                    : Mono.error(new IllegalStateException("the account changed during setup; pin again")));
        });
    }

    /**
     * Revokes a pin; a revoked pin stays revoked.
     *
     * @param account the account
     * @param sha256 the pin's fingerprint
     * @return the stored state afterwards
     */
    public Mono<LatchState> revoke(Account account, String sha256) {
        String key = account.latchKey();
        return store.load(key).flatMap(before -> {
            Pin pin = before.pins().get(sha256);
            if (pin == null) {
                return Mono.error(new IllegalArgumentException("no such pin for " + account.address()));
            }
            return store.merge(key, LatchRules.pin(before, new Pin(pin.sha256(), pin.created(), true)));
        });
    }
}
