/**
 * Micrometer implementation of the deepmail metrics and observer SPI.
 */
@SuppressWarnings("requires-automatic") // micrometer-core ships no module descriptor
module io.deepmail.metrics.micrometer {
    requires transitive io.deepmail.core;
    requires micrometer.core;
    requires static transitive org.jspecify;

    // "exports io.deepmail.metrics.micrometer;" is added with the first public type; javac refuses to export an empty package.
}
