package io.deepmail.core.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** One step of a {@link Script}; immutable. Executed by {@link ScriptRunner} on the event loop. */
sealed interface ScriptStep {

    /**
     * A short human-readable form, used in failure messages.
     *
     * @return the description
     */
    String describe();

    /** Writes {@code bytes} as one buffer and flushes it: one write, normally one TCP segment. */
    record Send(byte[] bytes) implements ScriptStep {
        public Send {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public String describe() {
            return "send " + Transcripts.quote(new String(bytes, StandardCharsets.ISO_8859_1));
        }
    }

    /**
     * Writes the text a supplier computes when the step runs, as UTF-8 in one write and flush: for
     * replies that depend on what the client sent, such as a SASL server-first message.
     */
    record SendComputed(Supplier<String> text) implements ScriptStep {
        @Override
        public String describe() {
            return "send computed text";
        }
    }

    /** Waits without reading a line; bytes that arrive meanwhile are buffered. */
    record Pause(Duration duration) implements ScriptStep {
        @Override
        public String describe() {
            return "pause " + duration;
        }
    }

    /** Reads one CRLF-terminated line and matches it. */
    record ExpectLine(Predicate<String> matcher, String description, Duration timeout) implements ScriptStep {
        @Override
        public String describe() {
            return "expect line " + description;
        }
    }

    /** Inserts the server TLS handler at the head of the pipeline and waits for the handshake. */
    record StartTls(Duration timeout) implements ScriptStep {
        @Override
        public String describe() {
            return "start TLS";
        }
    }

    /** Closes the connection (with close_notify when TLS is up). */
    record Close() implements ScriptStep {
        @Override
        public String describe() {
            return "close";
        }
    }

    /** Waits until the client closes the connection. */
    record AwaitClose(Duration timeout) implements ScriptStep {
        @Override
        public String describe() {
            return "await close by the client";
        }
    }
}
