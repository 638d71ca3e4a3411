package io.deepmail.core.testkit;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.OpenSslContextOption;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * Builds the server {@link SslContext} of a {@link ScriptedTlsServer}. Every credential goes into one
 * in-memory key store behind one {@code PKIX} key manager, which picks per handshake the entry whose
 * key type fits the negotiated suite or signature scheme.
 */
final class ServerTlsContexts {

    /** Password of the in-memory key store; it never leaves the process. */
    private static final char[] PASSWORD = "scripted".toCharArray();

    private ServerTlsContexts() {
    }

    /** One private key with its certificate chain, leaf first. */
    record Credential(PrivateKey key, List<X509Certificate> chain) {
        Credential {
            chain = List.copyOf(chain);
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("a credential needs at least its leaf certificate");
            }
        }
    }

    static SslContext build(List<Credential> credentials, @Nullable List<String> protocols,
            @Nullable List<String> ciphers, @Nullable List<String> groups, SslProvider provider,
            @Nullable Provider jcaProvider) throws SSLException {
        SslContextBuilder builder = SslContextBuilder.forServer(keyManagers(credentials, jcaProvider))
                .sslProvider(provider);
        if (jcaProvider != null) {
            builder.sslContextProvider(jcaProvider);
        }
        if (protocols != null) {
            builder.protocols(protocols);
        }
        if (ciphers != null) {
            builder.ciphers(ciphers);
        }
        if (groups != null) {
            if (provider == SslProvider.JDK) {
                throw new IllegalArgumentException("key-exchange groups can be set on the BoringSSL provider only");
            }
            builder.option(OpenSslContextOption.GROUPS, groups.toArray(String[]::new));
        }
        return builder.build();
    }

    private static KeyManagerFactory keyManagers(List<Credential> credentials, @Nullable Provider jcaProvider)
            throws SSLException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < credentials.size(); i++) {
                Credential credential = credentials.get(i);
                store.setKeyEntry("credential-" + i, credential.key(), PASSWORD,
                        credential.chain().toArray(new X509Certificate[0]));
            }
            // The JSSE provider's own key manager when it has one (BCJSSE does), else SunJSSE's.
            boolean own = jcaProvider != null && jcaProvider.getService("KeyManagerFactory", "PKIX") != null;
            KeyManagerFactory factory = own
                    ? KeyManagerFactory.getInstance("PKIX", jcaProvider)
                    : KeyManagerFactory.getInstance("PKIX");
            factory.init(store, PASSWORD);
            return factory;
        } catch (GeneralSecurityException | IOException e) {
            throw new SSLException("cannot load the server credentials", e);
        }
    }
}
