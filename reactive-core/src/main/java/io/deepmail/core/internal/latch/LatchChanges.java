package io.deepmail.core.internal.latch;

import io.deepmail.core.Endpoint;
import io.deepmail.core.latch.EndpointLatches;
import io.deepmail.core.latch.LatchEvent;
import io.deepmail.core.latch.LatchProperty;
import io.deepmail.core.latch.LatchState;
import io.deepmail.core.latch.TagState;
import io.deepmail.core.security.SecurityTag;
import io.deepmail.core.tls.TlsVersion;
import java.util.ArrayList;
import java.util.List;

/** The raised and confirmed events between two states of an account. */
final class LatchChanges {

    private LatchChanges() {
    }

    /**
     * Events for every latch of {@code endpoint} that is higher in {@code after} than in
     * {@code before}, and for the account-wide latch.
     */
    static List<LatchEvent> between(String account, Endpoint endpoint, LatchState before, LatchState after,
            LatchEvent.Source source) {
        List<LatchEvent> events = new ArrayList<>();
        if (before.generation() != after.generation()) {
            return events;
        }
        EndpointLatches was = before.endpoint(endpoint);
        EndpointLatches now = after.endpoint(endpoint);
        for (SecurityTag tag : SecurityTag.values()) {
            add(events, account, endpoint, LatchProperty.of(tag), tag.name(), was.state(tag), now.state(tag), source);
        }
        for (TlsVersion v : TlsVersion.values()) {
            add(events, account, endpoint, LatchProperty.TLS_VERSION, v.protocolName(), was.latch(v).state(),
                    now.latch(v).state(), source);
        }
        if (before.accountCertificate() != TagState.NORMAL && after.accountCertificate() == TagState.NORMAL) {
            events.add(new LatchEvent.Confirmed(account, endpoint, LatchProperty.ACCOUNT_CERTIFICATE,
                    "TLS+CERT", LatchEvent.Source.ACCOUNT_WIDE));
        }
        return events;
    }

    private static void add(List<LatchEvent> events, String account, Endpoint endpoint, LatchProperty property,
            String value, TagState was, TagState now, LatchEvent.Source source) {
        if (now.compareTo(was) <= 0) {
            return;
        }
        if (was == TagState.NONE) {
            events.add(new LatchEvent.Raised(account, endpoint, property, value));
        }
        if (now == TagState.NORMAL) {
            events.add(new LatchEvent.Confirmed(account, endpoint, property, value, source));
        }
    }
}
