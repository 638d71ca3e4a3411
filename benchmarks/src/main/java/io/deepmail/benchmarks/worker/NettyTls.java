package io.deepmail.benchmarks.worker;

import io.deepmail.benchmarks.common.BenchPki;
import io.deepmail.core.tls.TlsOptions;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * The raw Netty peer's client {@link SslContext}: the same provider, versions, suites and trust
 * anchor as ours, with Netty's own host name check ({@code HTTPS} endpoint identification).
 */
final class NettyTls {

    private NettyTls() {
    }

    static SslContext client(WorkerConfig config) throws SSLException {
        List<String> suites = new ArrayList<>(TlsOptions.DEFAULT_TLS13_SUITES);
        suites.addAll(TlsOptions.DEFAULT_TLS12_SUITES);
        SslContextBuilder builder = SslContextBuilder.forClient()
                .sslProvider(config.boringSsl() ? SslProvider.OPENSSL : SslProvider.JDK)
                .trustManager(BenchPki.ca(config.pki()))
                .protocols("TLSv1.3", "TLSv1.2")
                .ciphers(suites)
                .endpointIdentificationAlgorithm("HTTPS");
        if (config.boringSsl()) {
            // the groups ours offers: X25519 alone, or its default list with the hybrid first
            builder.option(OpenSslContextOption.GROUPS, config.x25519Only() ? new String[] {"X25519"}
                    : TlsOptions.DEFAULT_NAMED_GROUPS.toArray(String[]::new));
        }
        return builder.build();
    }
}
