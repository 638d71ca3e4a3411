package io.deepmail.metrics.micrometer;

import io.deepmail.core.MailProtocol;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The verbs, reply statuses and authentication mechanisms that become tag values; anything else
 * folds into {@code other}, so extension commands and odd replies cannot grow the series count.
 */
final class CommandVerbs {

    private static final Map<MailProtocol, Set<String>> VERBS = Map.of(
            MailProtocol.IMAP, Set.of("CAPABILITY", "NOOP", "LOGOUT", "STARTTLS", "AUTHENTICATE", "LOGIN", "ENABLE",
                    "SELECT", "EXAMINE", "CREATE", "DELETE", "RENAME", "SUBSCRIBE", "UNSUBSCRIBE", "LIST", "LSUB",
                    "NAMESPACE", "STATUS", "APPEND", "IDLE", "CHECK", "CLOSE", "UNSELECT", "EXPUNGE", "SEARCH",
                    "FETCH", "STORE", "COPY", "MOVE", "ID", "COMPRESS", "GETQUOTA", "GETQUOTAROOT", "UID FETCH",
                    "UID SEARCH", "UID STORE", "UID COPY", "UID MOVE", "UID EXPUNGE"),
            MailProtocol.POP3, Set.of("CAPA", "STLS", "USER", "PASS", "APOP", "AUTH", "STAT", "LIST", "RETR", "DELE",
                    "NOOP", "RSET", "QUIT", "TOP", "UIDL", "UTF8"),
            MailProtocol.SUBMISSION, Set.of("EHLO", "HELO", "STARTTLS", "AUTH", "MAIL", "RCPT", "DATA", "BDAT",
                    "RSET", "NOOP", "QUIT", "VRFY", "HELP"));

    private static final Set<String> STATUSES = Set.of("OK", "NO", "BAD", "BYE", "+OK", "-ERR", "TIMEOUT",
            "CANCELLED", "ERROR");

    private static final Set<String> MECHANISMS = Set.of("PLAIN", "LOGIN", "XOAUTH2", "OAUTHBEARER", "EXTERNAL",
            "ANONYMOUS", "CRAM-MD5", "SCRAM-SHA-1", "SCRAM-SHA-1-PLUS", "SCRAM-SHA-256", "SCRAM-SHA-256-PLUS",
            "USER", "APOP");

    private CommandVerbs() {
    }

    /**
     * The tag value of a verb.
     *
     * @param protocol the protocol
     * @param verb the verb as the protocol module passed it
     * @return the upper-case verb when known for the protocol, else {@code other}
     */
    static String verb(MailProtocol protocol, String verb) {
        String v = verb.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        return VERBS.getOrDefault(protocol, Set.of()).contains(v) ? v : MailMeterNames.OTHER;
    }

    /**
     * The tag value of a final reply status: IMAP and POP3 statuses as they are, SMTP codes by class
     * ({@code 2xx} .. {@code 5xx}).
     *
     * @param status the status as the protocol module passed it
     * @return the bounded value
     */
    static String status(String status) {
        String s = status.strip().toUpperCase(Locale.ROOT);
        if (s.length() == 3 && s.charAt(0) >= '2' && s.charAt(0) <= '5' && Character.isDigit(s.charAt(1))
                && Character.isDigit(s.charAt(2))) {
            return s.charAt(0) + "xx";
        }
        return STATUSES.contains(s) ? s : MailMeterNames.OTHER;
    }

    /**
     * The tag value of an authentication mechanism.
     *
     * @param mechanism a SASL mechanism name, or a login command such as {@code LOGIN} or {@code USER}
     * @return the upper-case name when known, else {@code other}
     */
    static String mechanism(String mechanism) {
        String m = mechanism.strip().toUpperCase(Locale.ROOT);
        return MECHANISMS.contains(m) ? m : MailMeterNames.OTHER;
    }
}
