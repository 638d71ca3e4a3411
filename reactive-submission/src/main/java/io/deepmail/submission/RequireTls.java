package io.deepmail.submission;

/**
 * What to do about REQUIRETLS (RFC 8689), by which the sender asks every later hop to relay the
 * message only over validated TLS. The parameter is sent only on a level-1 session whose server
 * advertised REQUIRETLS after TLS (EXT-03).
 *
 * @since 0.1
 */
public enum RequireTls {

    /** Never send the parameter: later hops apply their own TLS policy. The default. */
    OFF,

    /**
     * Send the parameter when the server advertised it inside TLS on a level-1 session, and send
     * the message without it otherwise. {@link SubmissionResult#requireTls()} says which happened.
     */
    IF_OFFERED,

    /**
     * Send the parameter, and refuse to send the message at all when it cannot be sent
     * ({@link MissingExtensionException}, before MAIL FROM).
     */
    REQUIRED
}
