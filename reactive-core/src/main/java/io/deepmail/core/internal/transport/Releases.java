package io.deepmail.core.internal.transport;

import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;

/** Releases the engine's own reference to a message it drops; a no-op for other objects. */
final class Releases {

    private Releases() {
    }

    static void release(@Nullable Object message) {
        if (message != null) {
            ReferenceCountUtil.safeRelease(message);
        }
    }
}
