package io.deepmail.imap.internal;

import io.deepmail.core.transport.Correlator;
import io.deepmail.imap.response.Continuation;
import io.deepmail.imap.response.ImapResponse;
import io.deepmail.imap.response.Tagged;
import io.deepmail.imap.response.Untagged;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Routes IMAP responses (STYLE §2.5): a tagged response completes the command with its tag;
 * untagged data goes to the oldest command in flight that collects that kind, else to
 * {@code unsolicited()}; a continuation request goes to the oldest command that reads them. A
 * tagged response for no command in flight is a protocol violation. The one exchange without a
 * key is the STARTTLS barrier, which runs alone.
 *
 * <p>Until the first exchange is seen, untagged data is {@link #UNEXPECTED}, so the engine keeps
 * the greeting for the exchange that awaits it.
 */
final class TagCorrelator implements Correlator<ImapResponse> {

    private final Consumer<ImapResponse> routed;
    private boolean started;

    /**
     * A correlator that shows {@code routed} each response it routes to an exchange or to the
     * unsolicited stream (once, not again when a kept greeting is routed a second time).
     *
     * @param routed the observer, called on the event loop
     */
    TagCorrelator(Consumer<ImapResponse> routed) {
        this.routed = routed;
    }

    @Override
    public int route(ImapResponse response, List<@Nullable Object> keys) {
        int target = target(response, keys);
        if (target != UNEXPECTED) {
            routed.accept(response);
        }
        return target;
    }

    private int target(ImapResponse response, List<@Nullable Object> keys) {
        if (!keys.isEmpty()) {
            started = true;
        }
        if (response instanceof Tagged t) {
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i) instanceof CommandKey k && k.tag().equals(t.tag())) {
                    return i;
                }
            }
            return keys.size() == 1 && keys.get(0) == null ? 0 : UNEXPECTED;
        }
        if (response instanceof Continuation) {
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i) instanceof CommandKey k && k.continuations()) {
                    return i;
                }
            }
            return UNEXPECTED;
        }
        Untagged data = (Untagged) response;
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i) instanceof CommandKey k && k.accepts(data)) {
                return i;
            }
        }
        return started ? UNSOLICITED : UNEXPECTED;
    }

    @Override
    public String toString() {
        return "TagCorrelator";
    }
}
