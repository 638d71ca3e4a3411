/**
 * Reactive IMAP client.
 */
@NullMarked
package io.deepmail.imap;

import org.jspecify.annotations.NullMarked;
