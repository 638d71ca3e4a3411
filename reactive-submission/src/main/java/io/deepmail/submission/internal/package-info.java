/**
 * Submission sessions: one flow per step ({@link io.deepmail.submission.internal.EhloFlow},
 * {@link io.deepmail.submission.internal.StartTlsFlow}, {@link io.deepmail.submission.internal.AuthFlow} (on the core SASL package),
 * {@link io.deepmail.submission.internal.MailTransactionFlow}, {@link io.deepmail.submission.internal.DataFlow})
 * over one {@link io.deepmail.submission.internal.SmtpWire}: the core's FIFO exchange engine on the
 * submission codec. {@link io.deepmail.submission.internal.SubmissionDialect} plugs greeting, EHLO and
 * STARTTLS into the core's racing connector.
 */
@NullMarked
package io.deepmail.submission.internal;

import org.jspecify.annotations.NullMarked;
