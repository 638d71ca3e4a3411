/**
 * The deepmail core API: endpoints, the typed error hierarchy and the session observer SPI shared by
 * the IMAP, POP3 and Submission clients.
 *
 * <p>Every failure raised by deepmail is a {@link io.deepmail.core.MailClientException} of exactly one
 * category. Callers catch by category and read protocol detail through accessors.
 */
@NullMarked
package io.deepmail.core;

import org.jspecify.annotations.NullMarked;
