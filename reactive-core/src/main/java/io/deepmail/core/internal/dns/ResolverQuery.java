package io.deepmail.core.internal.dns;

import io.deepmail.core.dns.DnsOptions;
import io.netty.channel.AddressedEnvelope;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.resolver.dns.DnsNameResolver;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * One query to one server, as a {@link Mono} of its {@link QueryResult}. The response is read on
 * the event loop that received it and released at once, whether or not anyone still listens, so
 * no buffer outlives the query; a cancelled subscription cancels the Netty query. The whole
 * exchange, a TCP retry after truncation included, is bounded by the query timeout.
 */
final class ResolverQuery {

    private static final List<DnsRecord> ADDITIONALS = List.of(DnssecOptRecord.INSTANCE);

    private ResolverQuery() {
    }

    static <T> Mono<QueryResult<T>> send(DnsNameResolver resolver, InetSocketAddress server, String name,
            RecordKind<T> kind, DnsOptions options) {
        Mono<QueryResult<T>> query = Mono.create(sink -> {
            Future<AddressedEnvelope<DnsResponse, InetSocketAddress>> future =
                    resolver.query(server, new DefaultDnsQuestion(name, kind.type()), ADDITIONALS);
            future.addListener(done -> {
                if (done.isCancelled()) {
                    return;
                }
                if (!done.isSuccess()) {
                    sink.success(new QueryResult.Failed<>(String.valueOf(done.cause())));
                    return;
                }
                AddressedEnvelope<DnsResponse, InetSocketAddress> envelope = future.getNow();
                QueryResult<T> result;
                try {
                    InetSocketAddress from = envelope.sender() != null ? envelope.sender() : server;
                    result = ResponseReader.read(envelope.content(), name, kind, options.trusts(from.getAddress()));
                } catch (RuntimeException e) {
                    result = new QueryResult.Failed<>("unreadable response: " + e);
                } finally {
                    envelope.release();
                }
                sink.success(result);
            });
            sink.onCancel(() -> future.cancel(false));
        });
        return query.timeout(options.queryTimeout(), Mono.fromSupplier(() -> new QueryResult.Failed<>(
                "no answer within " + options.queryTimeout().toMillis() + " ms")));
    }
}
