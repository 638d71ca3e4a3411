/**
 * One record per IMAP command, a closed family under {@link io.deepmail.imap.command.ImapCommand}.
 * Records are plain data; the session layer chooses their wire form.
 */
@NullMarked
package io.deepmail.imap.command;

import org.jspecify.annotations.NullMarked;
