/**
 * The SASL client layer (RFC 4422) shared by IMAP {@code AUTHENTICATE} (RFC 9051, SASL-IR RFC 4959),
 * POP3 {@code AUTH} (RFC 5034) and SMTP {@code AUTH} (RFC 4954). It is transport-agnostic: a
 * protocol picks a mechanism with {@link io.deepmail.core.sasl.SaslMechanisms#select}, starts one
 * {@link io.deepmail.core.sasl.SaslClient} per authentication, and moves its bytes through
 * {@link io.deepmail.core.sasl.SaslCodec}. The protocol owns the command, the continuation lines
 * ({@code "+ "} or {@code "334 "}) and the final reply; this package owns every byte inside them.
 *
 * <p>Protocols call into this package only after the session passed the TLS, identity, level and
 * latch checks (REQUIREMENTS §3.3 L6). Secrets never appear in a {@code toString()}, a log line or
 * an exception message.
 */
@NullMarked
package io.deepmail.core.sasl;

import org.jspecify.annotations.NullMarked;
