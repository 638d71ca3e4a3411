/**
 * What a POP3 server sends, as a closed family of values: {@link io.deepmail.pop3.response.Ok},
 * {@link io.deepmail.pop3.response.Err} with its {@link io.deepmail.pop3.response.ResponseCode},
 * SASL {@link io.deepmail.pop3.response.Continuation}s, and the pieces of a dot-terminated
 * {@link io.deepmail.pop3.response.MultiLine} response. Chunks are reference-counted.
 */
@NullMarked
package io.deepmail.pop3.response;

import org.jspecify.annotations.NullMarked;
