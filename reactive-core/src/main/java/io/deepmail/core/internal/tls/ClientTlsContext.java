package io.deepmail.core.internal.tls;

import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TlsProvider;
import io.deepmail.core.tls.TlsProviderPreference;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.util.NetUtil;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client TLS context built from {@link TlsOptions}: the Netty {@link SslContext}, the provider
 * that backs it, and the registry through which each connection's handshake is verified. Building
 * one is expensive; {@link io.deepmail.core.MailResources} caches them per options value.
 */
public final class ClientTlsContext {

    private static final Logger LOG = LoggerFactory.getLogger(ClientTlsContext.class);

    private final TlsOptions options;
    private final SslContext sslContext;
    private final TlsProvider provider;
    private final RegistryTrustManager trustManager;
    private final PkixValidator pkix;
    private final Set<String> enabledSuites;

    private ClientTlsContext(TlsOptions options, SslContext sslContext, TlsProvider provider,
            RegistryTrustManager trustManager, PkixValidator pkix) {
        this.options = options;
        this.sslContext = sslContext;
        this.provider = provider;
        this.trustManager = trustManager;
        this.pkix = pkix;
        this.enabledSuites = Set.copyOf(sslContext.cipherSuites());
    }

    /**
     * Builds a context. BoringSSL is used whenever the preference allows it and its native library
     * loads; the JDK provider otherwise. Both get the same versions, suites and verification.
     * May read the system trust store from disk: never call it on an event loop.
     *
     * @param options the TLS options
     * @return the context
     * @throws IllegalStateException when BoringSSL is required but unavailable, or the provider
     *     supports none of the configured suites
     */
    public static ClientTlsContext build(TlsOptions options) {
        TlsProvider provider = choose(options.provider());
        RegistryTrustManager trustManager = new RegistryTrustManager();
        SslContextBuilder builder = SslContextBuilder.forClient()
                .sslProvider(provider == TlsProvider.BORINGSSL ? SslProvider.OPENSSL : SslProvider.JDK)
                .protocols(options.protocolNames())
                .ciphers(options.cipherSuites(), SupportedCipherSuiteFilter.INSTANCE)
                .trustManager(trustManager)
                // deepmail runs its own RFC 7817 check; the JDK's "HTTPS" rules fall back to the CN
                // and know nothing of SRV-IDs (REQUIREMENTS §2.4, §10).
                .endpointIdentificationAlgorithm(null);
        try {
            SslContext context = provider == TlsProvider.BORINGSSL ? withGroups(builder, options.namedGroups())
                    : builder.build();
            if (context.cipherSuites().isEmpty()) {
                throw new IllegalStateException("the " + provider + " TLS provider supports none of " + options.cipherSuites());
            }
            return new ClientTlsContext(options, context, provider, trustManager,
                    PkixValidator.forAnchors(options.trustAnchors()));
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build a " + provider + " TLS context: " + e.getMessage(), e);
        }
    }

    /**
     * Builds with the configured groups; if this BoringSSL build does not know the hybrid
     * post-quantum group, again without it, as long as classical groups remain.
     */
    private static SslContext withGroups(SslContextBuilder builder, List<String> groups) throws SSLException {
        try {
            return builder.option(OpenSslContextOption.GROUPS, groups.toArray(String[]::new)).build();
        } catch (SSLException e) {
            List<String> classical = groups.stream()
                    .filter(g -> !g.equalsIgnoreCase(TlsOptions.X25519_MLKEM768)).toList();
            if (classical.isEmpty() || classical.size() == groups.size()) {
                throw e;
            }
            LOG.warn("this BoringSSL build does not offer {} ({}); offering {}", TlsOptions.X25519_MLKEM768,
                    e.getMessage(), classical);
            return builder.option(OpenSslContextOption.GROUPS, classical.toArray(String[]::new)).build();
        }
    }

    private static TlsProvider choose(TlsProviderPreference preference) {
        return switch (preference) {
            case JDK -> TlsProvider.JDK;
            case BORINGSSL -> {
                if (!OpenSsl.isAvailable()) {
                    throw new IllegalStateException("BoringSSL was required but is not available: "
                            + OpenSsl.unavailabilityCause());
                }
                yield TlsProvider.BORINGSSL;
            }
            case AUTO -> OpenSsl.isAvailable() ? TlsProvider.BORINGSSL : TlsProvider.JDK;
        };
    }

    /**
     * Creates the {@link SslHandler} of one connection and registers its verification.
     *
     * @param alloc the channel's allocator
     * @param host the host name used to connect, sent as SNI unless it is an IP literal (ID-09)
     * @param port the port
     * @param verification the connection's verification state
     * @param handshakeTimeoutMillis the handshake timeout
     * @return the handler; call {@link #release(SslHandler)} once the handshake has finished
     */
    public SslHandler newHandler(ByteBufAllocator alloc, String host, int port, PeerVerification verification,
            long handshakeTimeoutMillis) {
        @Nullable String sni = NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host) ? null : host;
        SslHandler handler = sni == null ? sslContext.newHandler(alloc) : sslContext.newHandler(alloc, sni, port);
        handler.setHandshakeTimeoutMillis(handshakeTimeoutMillis);
        trustManager.register(handler.engine(), verification);
        return handler;
    }

    /**
     * Forgets the verification of a finished (or failed) handshake.
     *
     * @param handler the handler created by {@link #newHandler}
     */
    public void release(SslHandler handler) {
        SSLEngine engine = handler.engine();
        trustManager.unregister(engine);
    }

    /**
     * The path validator for the configured trust anchors.
     *
     * @return the validator
     */
    public PkixValidator pkix() {
        return pkix;
    }

    /**
     * The provider that backs this context.
     *
     * @return BoringSSL or the JDK
     */
    public TlsProvider provider() {
        return provider;
    }

    /**
     * The options this context was built from.
     *
     * @return the options
     */
    public TlsOptions options() {
        return options;
    }

    /**
     * The suites actually enabled, after removing those the provider does not support.
     *
     * @return IANA names
     */
    public Set<String> enabledCipherSuites() {
        return enabledSuites;
    }
}
