/**
 * The IMAP session layer: tags and their correlation through the core exchange engine, the wire
 * form of each command, synchronizing literals, IDLE's DONE, and STARTTLS through the core
 * primitive. Knows Reactor and Netty; knows nothing of the public API above it.
 */
@NullMarked
package io.deepmail.imap.internal;

import org.jspecify.annotations.NullMarked;
