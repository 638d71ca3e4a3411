package io.deepmail.imap.internal.codec;

/** How the client may send literals, from the server's capabilities. */
public enum LiteralMode {
    /** Synchronizing literals only: wait for {@code +} after each announcement. */
    SYNCHRONIZING,
    /** LITERAL+ (RFC 7888): non-synchronizing literals of any size. */
    LITERAL_PLUS,
    /** LITERAL- (RFC 7888): non-synchronizing literals up to 4096 bytes. */
    LITERAL_MINUS
}
