/**
 * deepmail core: transport, TLS policy, identity, security record, STARTTLS and the exchange engine.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.deepmail.core {
    requires transitive reactor.core;
    requires transitive reactor.netty.core;
    requires transitive io.netty.buffer;
    requires transitive io.netty.transport;
    requires transitive io.netty.handler;
    requires transitive io.netty.codec;
    requires io.netty.common;
    requires io.netty.resolver.dns;
    requires io.netty.codec.dns;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.util;
    requires org.slf4j;
    requires com.h2database.mvstore;
    requires com.ongres.scram.client;
    requires reactor.pool;
    requires static lettuce.core;
    requires static transitive org.jspecify;
    requires transitive org.reactivestreams;

    exports io.deepmail.core;
    exports io.deepmail.core.auth;
    exports io.deepmail.core.connect;
    exports io.deepmail.core.discovery;
    exports io.deepmail.core.dns;
    exports io.deepmail.core.latch;
    exports io.deepmail.core.metrics;
    exports io.deepmail.core.sasl;
    exports io.deepmail.core.security;
    exports io.deepmail.core.tls;
    exports io.deepmail.core.transport;
}
