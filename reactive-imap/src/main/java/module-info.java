/**
 * Reactive IMAP4rev2/rev1 client on the deepmail core.
 */
module io.deepmail.imap {
    requires transitive io.deepmail.core;
    requires static transitive org.jspecify;

    // "exports io.deepmail.imap;" is added with the first public type; javac refuses to export an empty package.
}
