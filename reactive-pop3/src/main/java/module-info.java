/**
 * Reactive POP3 client on the deepmail core.
 */
@SuppressWarnings("module") // "pop3" ends in a digit by name, as the protocol does
module io.deepmail.pop3 {
    requires transitive io.deepmail.core;
    requires io.netty.common;
    requires static transitive org.jspecify;

    exports io.deepmail.pop3;
    exports io.deepmail.pop3.response;
}
