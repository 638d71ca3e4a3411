package io.deepmail.probe.internal;

import io.deepmail.core.CertificateIdentityException;
import io.deepmail.core.DaneVerificationException;
import io.deepmail.core.DnssecBogusException;
import io.deepmail.core.discovery.DiscoveryCandidate;
import io.deepmail.core.security.AuthenticationMethod;
import io.deepmail.core.security.ConfidentialityLevel;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.probe.DaneResult;
import io.deepmail.probe.EndpointProbe;
import io.deepmail.probe.IdentityResult;
import io.deepmail.probe.ProbeError;
import io.deepmail.probe.ProbeVerdict;
import java.util.List;

/** Turns a session's security record, or the typed reason it failed, into an {@link EndpointProbe}. */
final class Outcomes {

    private Outcomes() {
    }

    /** A session the core established: everything comes from its {@link SessionSecurity}. */
    static EndpointProbe established(DiscoveryCandidate found, SessionSecurity security, long millis) {
        ConfidentialityLevel level = security.level();
        ProbeVerdict verdict = level == ConfidentialityLevel.VERIFIED && !found.needsConfirmation()
                ? ProbeVerdict.SECURE : ProbeVerdict.INSECURE_OR_NEEDS_CONFIRMATION;
        return new EndpointProbe(found.endpoint().protocol(), found.host(), found.port(), found.mode(), found.trust(),
                found.needsConfirmation(), security.tlsVersion(), security.cipherSuite(), security.authentication(),
                identity(security), dane(security.authentication()), List.copyOf(security.tags()), level.value(),
                millis, null, verdict);
    }

    /** A candidate the core refused or could not reach. */
    static EndpointProbe refused(DiscoveryCandidate found, Throwable failure, long millis) {
        ProbeError error = ProbeError.of(failure);
        IdentityResult identity = failure instanceof CertificateIdentityException
                ? IdentityResult.MISMATCH : IdentityResult.NOT_CHECKED;
        DaneResult dane = failure instanceof DaneVerificationException ? DaneResult.FAILED
                : failure instanceof DnssecBogusException ? DaneResult.BOGUS : DaneResult.NOT_USED;
        ProbeVerdict verdict = error.kind().security() ? ProbeVerdict.INSECURE_OR_NEEDS_CONFIRMATION
                : ProbeVerdict.ERROR;
        return new EndpointProbe(found.endpoint().protocol(), found.host(), found.port(), found.mode(), found.trust(),
                found.needsConfirmation(), null, null, null, identity, dane, List.of(), null, millis, error, verdict);
    }

    private static IdentityResult identity(SessionSecurity security) {
        return switch (security.authentication()) {
            case PKIX, DANE_TA, DANE_PKIX_TA, DANE_PKIX_EE ->
                    security.identityCompat() ? IdentityResult.MATCHED_CN_COMPAT : IdentityResult.MATCHED;
            case DANE_EE, PINNED, NONE -> IdentityResult.NOT_CHECKED;
        };
    }

    private static DaneResult dane(AuthenticationMethod method) {
        return switch (method) {
            case DANE_EE, DANE_TA, DANE_PKIX_TA, DANE_PKIX_EE -> DaneResult.VERIFIED;
            case PKIX, PINNED, NONE -> DaneResult.NOT_USED;
        };
    }
}
