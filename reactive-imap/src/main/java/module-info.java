/**
 * Reactive IMAP4rev2/rev1 client on the deepmail core.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.deepmail.imap {
    requires transitive io.deepmail.core;
    requires transitive io.netty.common;
    requires static transitive org.jspecify;

    exports io.deepmail.imap;
    exports io.deepmail.imap.command;

    exports io.deepmail.imap.response;
}
