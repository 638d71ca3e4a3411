/**
 * The transport SPI that protocol modules build on: a copy-on-write {@code MailTransport} over
 * Reactor Netty's {@code TcpClient}, connections with their security record, the STARTTLS upgrade
 * primitive, and the one exchange engine that correlates commands with responses.
 */
@NullMarked
package io.deepmail.core.transport;

import org.jspecify.annotations.NullMarked;
