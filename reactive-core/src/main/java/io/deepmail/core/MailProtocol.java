package io.deepmail.core;

/**
 * The three mail access protocols deepmail speaks, with their RFC 8314 / RFC 6186 ports and SRV
 * service labels (REQUIREMENTS §5.1).
 *
 * @since 0.1
 */
public enum MailProtocol {

    /** IMAP: 993 Implicit TLS ({@code _imaps}), 143 STARTTLS ({@code _imap}). */
    IMAP(993, 143, "imaps", "imap"),

    /** POP3: 995 Implicit TLS ({@code _pop3s}), 110 STLS ({@code _pop3}). */
    POP3(995, 110, "pop3s", "pop3"),

    /** Message Submission: 465 Implicit TLS ({@code _submissions}), 587 STARTTLS ({@code _submission}). */
    SUBMISSION(465, 587, "submissions", "submission");

    private final int implicitTlsPort;
    private final int startTlsPort;
    private final String implicitTlsService;
    private final String startTlsService;

    MailProtocol(int implicitTlsPort, int startTlsPort, String implicitTlsService, String startTlsService) {
        this.implicitTlsPort = implicitTlsPort;
        this.startTlsPort = startTlsPort;
        this.implicitTlsService = implicitTlsService;
        this.startTlsService = startTlsService;
    }

    /**
     * The well-known port for the given mode.
     *
     * @param mode the transport mode
     * @return 993/995/465 for Implicit TLS, 143/110/587 otherwise
     */
    public int defaultPort(TransportMode mode) {
        return mode == TransportMode.IMPLICIT ? implicitTlsPort : startTlsPort;
    }

    /**
     * The RFC 6186 / RFC 8314 service name for the given mode, without the leading underscore.
     *
     * @param mode the transport mode
     * @return for example {@code "imaps"} or {@code "submission"}
     */
    public String serviceName(TransportMode mode) {
        return mode == TransportMode.IMPLICIT ? implicitTlsService : startTlsService;
    }
}
