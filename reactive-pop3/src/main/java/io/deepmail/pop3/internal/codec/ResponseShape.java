package io.deepmail.pop3.internal.codec;

/**
 * What the server answers to one line the client writes, so the decoder knows whether a
 * {@code +OK} opens a dot-terminated response (RFC 1939 §3). The encoder records the shape of each
 * line it writes; the decoder consumes the shapes in the same order, which stays right with
 * PIPELINING because POP3 answers in command order.
 */
public enum ResponseShape {

    /** One status line ({@code +OK} or {@code -ERR}). */
    SINGLE,

    /** One status line, possibly preceded by SASL challenges ({@code + ...}): {@code AUTH}. */
    SINGLE_AFTER_CHALLENGES,

    /** {@code +OK} and a dot-terminated block, or one {@code -ERR} line. */
    MULTI_LINE,

    /** Nothing of its own: a SASL client response, answered as part of the {@code AUTH} command. */
    NONE
}
