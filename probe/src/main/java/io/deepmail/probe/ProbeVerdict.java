package io.deepmail.probe;

/**
 * What a probe concluded, for one endpoint or for a whole domain. Tools map these to exit codes.
 *
 * @since 0.1
 */
public enum ProbeVerdict {

    /** A verified session at level 1 (TAG-04): TLS 1.2 or later, server authenticated by PKIX or DANE. */
    SECURE,

    /**
     * The endpoint answered, but a client at level 1 would refuse it (a certificate, identity, DANE or
     * STARTTLS failure, or a level below 1), or its SRV target needs the user's confirmation (SRV-07).
     */
    INSECURE_OR_NEEDS_CONFIRMATION,

    /** The endpoint could not be judged: unreachable, timed out, or it spoke the protocol wrongly. */
    ERROR;

    /**
     * The verdict over several: any insecure finding wins, then any error; all secure (and at least
     * one) is secure. No endpoint at all is an error: there is nothing to connect to.
     *
     * @param verdicts the endpoint verdicts
     * @return the combined verdict
     */
    public static ProbeVerdict overall(Iterable<ProbeVerdict> verdicts) {
        boolean any = false;
        boolean error = false;
        for (ProbeVerdict v : verdicts) {
            any = true;
            if (v == INSECURE_OR_NEEDS_CONFIRMATION) {
                return INSECURE_OR_NEEDS_CONFIRMATION;
            }
            error |= v == ERROR;
        }
        return !any || error ? ERROR : SECURE;
    }
}
