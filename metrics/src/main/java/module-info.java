/**
 * Micrometer implementation of the deepmail metrics and observer SPI.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"}) // Micrometer ships no module descriptors
module io.deepmail.metrics.micrometer {
    requires transitive io.deepmail.core;
    requires transitive micrometer.core;
    requires transitive micrometer.observation;
    requires transitive micrometer.commons;
    requires static transitive org.jspecify;

    exports io.deepmail.metrics.micrometer;
}
