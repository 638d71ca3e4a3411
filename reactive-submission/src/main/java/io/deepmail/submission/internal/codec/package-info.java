/**
 * Submission wire codec, without Reactor: {@link io.deepmail.submission.internal.codec.SmtpResponseDecoder}
 * joins multi-line replies and reads RFC 3463 enhanced status codes under size limits;
 * {@link io.deepmail.submission.internal.codec.SmtpCommandEncoder} writes commands whose arguments
 * {@link io.deepmail.submission.internal.codec.SmtpCommands} validated when they were built (no CR, LF,
 * NUL or unexpected non-ASCII ever reaches the wire); {@link io.deepmail.submission.internal.codec.ContentEncoder}
 * streams message content with CRLF normalisation, and either dot-stuffing and the final
 * {@code CRLF.CRLF} (DATA) or BDAT framing (RFC 3030).
 */
@NullMarked
package io.deepmail.submission.internal.codec;

import org.jspecify.annotations.NullMarked;
