/**
 * Reactive SMTP Submission client on the deepmail core.
 */
module io.deepmail.submission {
    requires transitive io.deepmail.core;
    requires static transitive org.jspecify;

    // "exports io.deepmail.submission;" is added with the first public type; javac refuses to export an empty package.
}
