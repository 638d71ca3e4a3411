/**
 * Reactive IMAP4rev2/rev1 client on the deepmail core.
 *
 * <p>Empty until the IMAP issue lands: no client exists yet.
 */
@NullMarked
package io.deepmail.imap;

import org.jspecify.annotations.NullMarked;
