/**
 * What an IMAP server says, as a closed family of records: {@link io.deepmail.imap.response.ImapResponse}
 * is a {@link io.deepmail.imap.response.Tagged} completion, an {@link io.deepmail.imap.response.Untagged}
 * datum or a {@link io.deepmail.imap.response.Continuation} request. Pattern-matching {@code switch}
 * over these types is checked by the compiler. Body sections of FETCH responses arrive as
 * {@link io.deepmail.imap.response.FetchChunk}s, reference-counted buffers that the receiver releases.
 */
@NullMarked
package io.deepmail.imap.response;

import org.jspecify.annotations.NullMarked;
