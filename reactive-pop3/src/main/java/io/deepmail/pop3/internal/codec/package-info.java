/**
 * POP3 wire format, without Reactor: {@link io.deepmail.pop3.internal.codec.Pop3CommandEncoder}
 * writes one command line and records the shape of its answer in the connection's
 * {@link io.deepmail.pop3.internal.codec.Expectations}; {@link io.deepmail.pop3.internal.codec.Pop3ResponseDecoder}
 * reads status lines and streams dot-terminated responses as dot-unstuffed chunks within
 * {@link io.deepmail.pop3.internal.codec.DecoderLimits}.
 */
@NullMarked
package io.deepmail.pop3.internal.codec;

import org.jspecify.annotations.NullMarked;
