package io.deepmail.cli;

import io.deepmail.core.tls.TrustAnchors;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** What to believe: {@code --resolver} (whose AD bit is trusted) and {@code --trust-ca}; shared by every network command. */
public final class TrustOptions {

    @Option(names = "--resolver", paramLabel = "HOST:PORT",
            description = "A trusted, validating DNS resolver: discovery, DNSSEC and DANE (its AD bit is believed)")
    @Nullable String resolver;

    @Option(names = "--trust-ca", paramLabel = "FILE", description = "Trust only the CA certificates in this PEM file")
    @Nullable Path trustCa;

    /**
     * The resolver, parsed.
     *
     * @return the address, or {@code null} when not given
     */
    @Nullable InetSocketAddress resolver() {
        return resolver == null ? null : Inputs.resolver(resolver);
    }

    /**
     * The trust anchors: the PEM file, or the JDK's trust store.
     *
     * @return the anchors
     */
    TrustAnchors anchors() {
        return Inputs.trust(trustCa);
    }
}
