/**
 * Reactive POP3 client (RFC 1939, RFC 2449, RFC 2595, RFC 5034) under RFC 8314: start with
 * {@link io.deepmail.pop3.Pop3Client}, which races Implicit TLS against STLS through the core
 * connector and hands out a {@link io.deepmail.pop3.Pop3Session} once TLS, identity, level and
 * latches have been checked and the capabilities read again inside TLS.
 *
 * <p>Messages are streamed: {@link io.deepmail.pop3.Pop3Session#retr(int)} emits dot-unstuffed
 * {@link io.netty.buffer.ByteBuf} chunks that the subscriber must release. A {@code -ERR} answer is
 * a {@link io.deepmail.pop3.Pop3ErrException} carrying the RFC 3206 code.
 */
@NullMarked
package io.deepmail.pop3;

import org.jspecify.annotations.NullMarked;
