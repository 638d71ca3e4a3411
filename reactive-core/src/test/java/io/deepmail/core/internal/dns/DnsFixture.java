package io.deepmail.core.internal.dns;

import io.deepmail.core.MailResources;
import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.DnsOptions;
import io.deepmail.core.testkit.TestDnsServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Builds lookups against {@link TestDnsServer}s on shared event loops. */
final class DnsFixture {

    static final Duration WAIT = Duration.ofSeconds(10);

    private DnsFixture() {
    }

    static NettyDnsLookup lookup(MailResources resources, TestDnsServer dns) {
        return lookup(resources, b -> b, System::nanoTime, dns);
    }

    static NettyDnsLookup lookup(MailResources resources, UnaryOperator<DnsOptions.Builder> options,
            TestDnsServer... servers) {
        return lookup(resources, options, System::nanoTime, servers);
    }

    static NettyDnsLookup lookup(MailResources resources, UnaryOperator<DnsOptions.Builder> options,
            LongSupplier clock, TestDnsServer... servers) {
        List<InetSocketAddress> addresses = Arrays.stream(servers).map(TestDnsServer::address).toList();
        DnsOptions o = options.apply(DnsOptions.builder().resolvers(addresses).queryTimeout(Duration.ofSeconds(2)))
                .build();
        return NettyDnsLookup.create(resources, o, clock);
    }

    /** The single answer of a lookup, checked through StepVerifier with a timeout. */
    static <T> DnsAnswer<T> await(Mono<DnsAnswer<T>> lookup) {
        AtomicReference<DnsAnswer<T>> out = new AtomicReference<>();
        lookup.as(StepVerifier::create).consumeNextWith(out::set).expectComplete().verify(WAIT);
        return out.get();
    }
}
