/**
 * RFC 6186 discovery of an account's IMAP, POP3 and Submission servers from the user's email
 * address (REQUIREMENTS §5.3, §5.4): the six SRV labels, RFC 2782 ordering, the Implicit-TLS
 * preference, DNSSEC-based trust and the reference identifiers each candidate may be checked
 * against (§6.1).
 */
@NullMarked
package io.deepmail.core.discovery;

import org.jspecify.annotations.NullMarked;
