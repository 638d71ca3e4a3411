/**
 * deepmail probe: credential-free TLS inspection of every IMAP, POP3 and Submission endpoint that
 * RFC 6186 discovery finds for a domain.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.deepmail.probe {
    requires transitive io.deepmail.core;
    requires io.deepmail.imap;
    requires io.deepmail.pop3;
    requires io.deepmail.submission;
    requires static transitive org.jspecify;

    exports io.deepmail.probe;
}
