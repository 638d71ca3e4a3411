/**
 * An in-process mail sandbox on loopback for the command-line tool and for tests: a DNS server that
 * answers RFC 6186 SRV, address and TLSA queries with AD set, IMAP, POP3 and Submission over Implicit
 * TLS and STARTTLS with a certificate generated at start, a server that strips STARTTLS, and an
 * embedded latch store. Start one with {@link io.deepmail.sandbox.Sandbox#start(SandboxOptions)}.
 */
@NullMarked
package io.deepmail.sandbox;

import org.jspecify.annotations.NullMarked;
