/**
 * Reactive SMTP Submission client (RFC 6409, RFC 8314) on the deepmail core.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.deepmail.submission {
    requires transitive io.deepmail.core;
    requires io.netty.common;
    requires reactor.pool;
    requires static transitive org.jspecify;

    exports io.deepmail.submission;
}
