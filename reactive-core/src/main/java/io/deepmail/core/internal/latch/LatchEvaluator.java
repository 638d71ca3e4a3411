package io.deepmail.core.internal.latch;

import io.deepmail.core.Account;
import io.deepmail.core.Endpoint;
import io.deepmail.core.latch.EndpointLatches;
import io.deepmail.core.latch.LatchEvaluation;
import io.deepmail.core.latch.LatchFinding;
import io.deepmail.core.latch.LatchFinding.Severity;
import io.deepmail.core.latch.LatchPolicy;
import io.deepmail.core.latch.LatchProperty;
import io.deepmail.core.latch.LatchState;
import io.deepmail.core.latch.Pin;
import io.deepmail.core.latch.TagState;
import io.deepmail.core.security.AuthenticationMethod;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.tls.TlsVersion;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The check of L6–L9 and L11–L13 as one pure function: the session against the account's minimum
 * level, its pins, the account-wide certificate latch and the endpoint's latches.
 */
public final class LatchEvaluator {

    private LatchEvaluator() {
    }

    /**
     * Evaluates one session.
     *
     * @param account the account
     * @param state the account's latches
     * @param session the session, after the handshake and identity check
     * @param policy the policy
     * @return the evaluation
     */
    public static LatchEvaluation evaluate(Account account, LatchState state, SessionSecurity session,
            LatchPolicy policy) {
        List<LatchFinding> findings = new ArrayList<>();
        Set<SecurityTag> shown = session.tags();
        ConfidentialityLevel level = session.level();
        if (!level.meets(account.minimumLevel())) {
            findings.add(new LatchFinding(LatchProperty.MINIMUM_LEVEL, TagState.NORMAL,
                    "level " + account.minimumLevel().value() + " (TLS 1.2 or later, PKIX or DANE)",
                    "level " + level.value() + " (" + describe(session) + ")", Severity.ABORT));
        }
        if (!shown.contains(SecurityTag.TLS) && !account.cleartextConsent()) {
            findings.add(new LatchFinding(LatchProperty.TLS, TagState.NORMAL, "TLS (no cleartext consent)",
                    "cleartext", Severity.ABORT));
        }
        if (session.authentication() == AuthenticationMethod.PINNED && !pinned(state, session)) {
            findings.add(new LatchFinding(LatchProperty.PIN, TagState.NORMAL,
                    "a certificate pinned for this account at setup", describeLeaf(session), Severity.ABORT));
        }
        boolean validated = shown.contains(SecurityTag.CERT_PKIX) || shown.contains(SecurityTag.CERT_DANE);
        if (state.accountCertificate() == TagState.NORMAL && !(shown.contains(SecurityTag.TLS) && validated)) {
            findings.add(new LatchFinding(LatchProperty.ACCOUNT_CERTIFICATE, TagState.NORMAL,
                    "TLS and a validated certificate (PKIX or DANE) on every endpoint", describe(session),
                    Severity.ABORT));
        }
        EndpointLatches latches = state.endpoint(session.endpoint());
        for (SecurityTag tag : SecurityTag.values()) {
            TagState latched = latches.state(tag);
            if (latched != TagState.NONE && !shown.contains(tag)) {
                LatchProperty property = LatchProperty.of(tag);
                findings.add(new LatchFinding(property, latched, tag.name(), "no " + tag.name() + " ("
                        + describe(session) + ")", severity(property, latched, policy)));
            }
        }
        Optional<TlsVersion> version = version(session);
        for (TlsVersion floor : TlsVersion.values()) {
            TagState latched = latches.latch(floor).state();
            if (latched != TagState.NONE && (version.isEmpty() || version.get().compareTo(floor) < 0)) {
                findings.add(new LatchFinding(LatchProperty.TLS_VERSION, latched, floor.protocolName() + " or later",
                        session.tlsVersion() == null ? "no TLS" : session.tlsVersion(),
                        severity(LatchProperty.TLS_VERSION, latched, policy)));
            }
        }
        boolean upgrade = account.minimumLevel() == ConfidentialityLevel.NONE && level == ConfidentialityLevel.VERIFIED;
        return new LatchEvaluation(account.latchKey(), session.endpoint(), findings, upgrade);
    }

    /**
     * Whether a refusal closes weaker candidates for the account (L7): any binding finding, and a
     * provisional one outside warn mode.
     *
     * @param findings the findings of a refused session
     * @return {@code true} when weaker candidates are closed
     */
    public static boolean blocksWeakerCandidates(List<LatchFinding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ABORT);
    }

    /**
     * The TLS version the session negotiated, if deepmail knows it.
     *
     * @param session the session
     * @return TLS 1.2 or 1.3, or empty in cleartext
     */
    static Optional<TlsVersion> version(SessionSecurity session) {
        String v = session.tlsVersion();
        return v == null ? Optional.empty() : TlsVersion.fromProtocolName(v);
    }

    private static Severity severity(LatchProperty property, TagState latched, LatchPolicy policy) {
        if (latched == TagState.NORMAL) {
            return Severity.ABORT;
        }
        if (property == LatchProperty.PFS) {
            return policy.abortOnProvisionalPfs() ? Severity.ABORT : Severity.WARN;
        }
        return policy.warnOnProvisional() ? Severity.PENDING : Severity.ABORT;
    }

    private static boolean pinned(LatchState state, SessionSecurity session) {
        if (session.peerChain().isEmpty()) {
            return false;
        }
        X509Certificate leaf = session.peerChain().get(0);
        return state.pins().values().stream().anyMatch(p -> p.matches(leaf));
    }

    private static String describeLeaf(SessionSecurity session) {
        return session.peerChain().isEmpty() ? "no certificate"
                : "certificate sha256 " + Pin.fingerprint(session.peerChain().get(0));
    }

    static String describe(SessionSecurity session) {
        Endpoint e = session.endpoint();
        return session.tlsVersion() == null ? "cleartext on " + e.mode()
                : session.tlsVersion() + ", " + session.authentication() + ", tags " + session.tags();
    }
}
