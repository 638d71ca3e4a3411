package io.deepmail.core.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What a {@link ScriptedTlsServer} does on one accepted connection: an immutable list of steps run
 * in order, built with a fluent {@link Builder}.
 *
 * <pre>{@code
 * Script script = Script.builder()
 *         .send("* OK ready\r\n")
 *         .expectLine("a1 STARTTLS")
 *         .send("a1 OK Begin TLS\r\n")
 *         .startTls()
 *         .expectLine(line -> line.startsWith("a2 CAPABILITY"))
 *         .send("* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\na2 OK done\r\n")
 *         .awaitClose()
 *         .build();
 * }</pre>
 *
 * <p>A script succeeds when its last step has run; the connection then stays open until the client
 * or {@link ScriptedTlsServer#close()} closes it, unless the last step is {@link Builder#close()}. A
 * script fails, and the server closes the connection, when a line does not match, a waiting step
 * times out, the TLS handshake fails, or the client closes the connection while a step other than
 * {@link Builder#awaitClose()} is pending. The failure is reported through
 * {@link ScriptedConnection#awaitScriptDone(Duration)}.
 *
 * @since 0.1
 */
public final class Script {

    /** Timeout of waiting steps unless {@link Builder#timeout(Duration)} says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** Pause that {@link Builder#sendSeparately(String...)} puts between its parts. */
    public static final Duration SEGMENT_PAUSE = Duration.ofMillis(100);

    private final List<ScriptStep> steps;
    private final Duration handshakeTimeout;

    private Script(List<ScriptStep> steps, Duration handshakeTimeout) {
        this.steps = List.copyOf(steps);
        this.handshakeTimeout = handshakeTimeout;
    }

    /**
     * Starts a script.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    List<ScriptStep> steps() {
        return steps;
    }

    /** How long an Implicit TLS connection waits for the handshake before its first step. */
    Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Script[");
        for (int i = 0; i < steps.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(steps.get(i).describe());
        }
        return out.append(']').toString();
    }

    /**
     * Builds a {@link Script}. Text is written as UTF-8; write CRLF explicitly. No step may follow
     * {@link #close()}.
     *
     * @since 0.1
     */
    public static final class Builder {

        private final List<ScriptStep> steps = new ArrayList<>();
        private Duration timeout = DEFAULT_TIMEOUT;
        private boolean closed;

        private Builder() {
        }

        /**
         * Sets the timeout of the waiting steps added after this call ({@code expectLine},
         * {@code startTls}, {@code awaitClose}); the value in force at {@link #build()} also bounds
         * the Implicit TLS handshake.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Writes {@code text} in one write and flush, so several replies in it reach the client in
         * one TCP segment (the shape of a STARTTLS injection: {@code "a1 OK go\r\n* BYE forged\r\n"}).
         *
         * @param text the text, encoded as UTF-8
         * @return this builder
         */
        public Builder send(String text) {
            return send(text.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Writes {@code bytes} in one write and flush.
         *
         * @param bytes the bytes, copied
         * @return this builder
         * @see #send(String)
         */
        public Builder send(byte[] bytes) {
            return add(new ScriptStep.Send(bytes));
        }

        /**
         * Writes the text {@code text} supplies when the step runs, in one write and flush. Pair it
         * with {@link #expectLine(String, Predicate)} whose matcher keeps what the client sent, to
         * answer with a value computed from it (a SASL challenge extending the client's nonce).
         *
         * @param text computes the text, encoded as UTF-8; runs on the server's event loop
         * @return this builder
         */
        public Builder sendComputed(Supplier<String> text) {
            return add(new ScriptStep.SendComputed(Objects.requireNonNull(text, "text")));
        }

        /**
         * Writes each part with its own flush, pausing {@link #SEGMENT_PAUSE} between parts, so the
         * client normally sees each part in its own read.
         *
         * @param parts the parts, encoded as UTF-8
         * @return this builder
         */
        public Builder sendSeparately(String... parts) {
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    pause(SEGMENT_PAUSE);
                }
                send(parts[i]);
            }
            return this;
        }

        /**
         * Writes a STARTTLS go-ahead and flushes it, then at once writes {@code injected} in a
         * second write and flush: the injection that arrives in its own segment, before the client's
         * ClientHello. Follow it with {@link #startTls()} so the server is ready for the handshake.
         *
         * @param goAhead the go-ahead reply, for example {@code "a1 OK Begin TLS\r\n"}
         * @param injected the forged plaintext, for example {@code "* BYE forged\r\n"}
         * @return this builder
         */
        public Builder sendThenInject(String goAhead, String injected) {
            return send(goAhead).send(injected);
        }

        /**
         * Waits, buffering whatever the client sends meanwhile.
         *
         * @param duration how long
         * @return this builder
         */
        public Builder pause(Duration duration) {
            return add(new ScriptStep.Pause(Objects.requireNonNull(duration, "duration")));
        }

        /**
         * Reads one CRLF-terminated line (without the CRLF, decoded as UTF-8) and requires it to
         * equal {@code expected}.
         *
         * @param expected the exact line
         * @return this builder
         */
        public Builder expectLine(String expected) {
            Objects.requireNonNull(expected, "expected");
            return add(new ScriptStep.ExpectLine(expected::equals,
                    Transcripts.quote(expected), timeout));
        }

        /**
         * Reads one CRLF-terminated line and requires {@code matcher} to accept it.
         *
         * @param matcher tests the line (without the CRLF)
         * @return this builder
         */
        public Builder expectLine(Predicate<String> matcher) {
            return expectLine("matching a predicate", matcher);
        }

        /**
         * Reads one CRLF-terminated line and requires {@code matcher} to accept it.
         *
         * @param description what is expected, for the failure message
         * @param matcher tests the line (without the CRLF)
         * @return this builder
         */
        public Builder expectLine(String description, Predicate<String> matcher) {
            return add(new ScriptStep.ExpectLine(Objects.requireNonNull(matcher, "matcher"),
                    description, timeout));
        }

        /**
         * Inserts the server's TLS handler at the head of the pipeline and waits for the handshake.
         * Must follow the go-ahead directly (no pause): any cleartext byte the client sent beyond the
         * lines already read fails the script, because a client must send nothing between its
         * STARTTLS command and the handshake.
         *
         * @return this builder
         */
        public Builder startTls() {
            return add(new ScriptStep.StartTls(timeout));
        }

        /**
         * Waits until the client closes the connection.
         *
         * @return this builder
         */
        public Builder awaitClose() {
            return add(new ScriptStep.AwaitClose(timeout));
        }

        /**
         * Closes the connection, sending close_notify first when TLS is up. Ends the script.
         *
         * @return this builder
         */
        public Builder close() {
            add(new ScriptStep.Close());
            closed = true;
            return this;
        }

        /**
         * Builds the script.
         *
         * @return the immutable script
         */
        public Script build() {
            return new Script(steps, timeout);
        }

        private Builder add(ScriptStep step) {
            if (closed) {
                throw new IllegalStateException("no step may follow close(): " + step.describe());
            }
            steps.add(step);
            return this;
        }
    }
}
