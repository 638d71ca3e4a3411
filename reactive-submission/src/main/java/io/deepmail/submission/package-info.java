/**
 * Reactive SMTP Submission (RFC 6409, RFC 8314): {@link io.deepmail.submission.SubmissionClient}
 * connects an account over Implicit TLS (465) or STARTTLS (587), raced when both are candidates,
 * checks TLS, identity and latches, authenticates, and yields a
 * {@link io.deepmail.submission.SubmissionSession} that sends messages from an
 * {@link io.deepmail.submission.Envelope} and a streamed body. Server refusals are
 * {@link io.deepmail.submission.SmtpReplyException}s carrying the reply code, the RFC 3463 enhanced
 * status and the text.
 */
@NullMarked
package io.deepmail.submission;

import org.jspecify.annotations.NullMarked;
