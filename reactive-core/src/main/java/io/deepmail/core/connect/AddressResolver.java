package io.deepmail.core.connect;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Resolves a host to the addresses a race tries. IP literals resolve to themselves.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface AddressResolver {

    /**
     * The addresses of a host, in any order (the connector interleaves the families).
     *
     * @param host the host name or IP literal
     * @return the addresses; an error or an empty list makes that candidate fail
     */
    Mono<List<InetAddress>> resolve(String host);

    /**
     * The JDK's resolver, run on a worker thread because it blocks.
     *
     * @return the resolver
     */
    static AddressResolver system() {
        return host -> literal(host).map(Mono::just).orElseGet(() -> Mono.fromCallable(() -> List.of(
                InetAddress.getAllByName(host))).subscribeOn(Schedulers.boundedElastic()));
    }

    /**
     * A fixed table, for tests and closed environments; unknown hosts fail.
     *
     * @param table host to addresses
     * @return the resolver
     */
    static AddressResolver of(Map<String, List<InetAddress>> table) {
        Map<String, List<InetAddress>> copy = Map.copyOf(table);
        return host -> literal(host).map(Mono::just).orElseGet(() -> {
            List<InetAddress> addresses = copy.get(host);
            return addresses != null ? Mono.just(addresses)
                    : Mono.error(new UnknownHostException(host + " is not in the address table"));
        });
    }

    private static java.util.Optional<List<InetAddress>> literal(String host) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(host);
        if (bytes == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(List.of(InetAddress.getByAddress(host, bytes)));
        } catch (UnknownHostException e) {
            return java.util.Optional.empty();
        }
    }
}
