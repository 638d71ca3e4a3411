/**
 * Reactive POP3 client on the deepmail core.
 *
 * <p>Empty until the POP3 issue lands: no client exists yet.
 */
@NullMarked
package io.deepmail.pop3;

import org.jspecify.annotations.NullMarked;
