/**
 * The IMAP codec: an incremental response decoder that streams body-section literals, the
 * tokenizer and typed mapping behind it, and the command encoder. Netty types only; no Reactor.
 */
@NullMarked
package io.deepmail.imap.internal.codec;

import org.jspecify.annotations.NullMarked;
