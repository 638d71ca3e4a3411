package io.deepmail.cli;

import io.deepmail.core.latch.LatchStore;
import io.deepmail.core.latch.LatchStores;
import io.deepmail.core.latch.RedisLatchStores;
import io.deepmail.core.tls.TrustAnchors;
import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Turns option values into what the library takes; a bad value is a {@link UsageException} with one clear line. */
public final class Inputs {

    private Inputs() {
    }

    /**
     * Parses {@code host:port}, or {@code [v6]:port}.
     *
     * @param value the option value
     * @return the address, unresolved names resolved now
     */
    public static InetSocketAddress resolver(String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new UsageException("--resolver needs host:port, got '" + value + "'");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new UsageException("--resolver port is not a number: '" + value + "'");
        }
        if (port < 1 || port > 65535) {
            throw new UsageException("--resolver port out of range: " + port);
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new UsageException("--resolver host cannot be resolved: '" + host + "'");
        }
        return address;
    }

    /**
     * The trust anchors: a PEM file, or the JDK's trust store.
     *
     * @param file the {@code --trust-ca} file, or {@code null}
     * @return the anchors
     */
    public static TrustAnchors trust(@Nullable Path file) {
        if (file == null) {
            return TrustAnchors.system();
        }
        if (!Files.isReadable(file)) {
            throw new UsageException("--trust-ca file not readable: " + file);
        }
        try {
            return TrustAnchors.fromPem(file);
        } catch (RuntimeException e) {
            throw new UsageException("--trust-ca " + file + " holds no usable PEM certificate: " + e.getMessage());
        }
    }

    /**
     * The first line of a secret file, without its line end.
     *
     * @param file the file
     * @param option the option's name, for the message
     * @return the secret
     */
    public static String secret(Path file, String option) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String first = text.lines().findFirst().orElse("");
            if (first.isEmpty()) {
                throw new UsageException(option + " file is empty: " + file);
            }
            return first;
        } catch (IOException e) {
            throw new UsageException(option + " file not readable: " + file);
        }
    }

    /**
     * Opens a latch store: {@code redis://…} (or {@code rediss://}) for Redis, else an embedded
     * store in that directory. The caller disposes it.
     *
     * @param value the {@code --latch-store} value
     * @return the store
     */
    public static LatchStore latchStore(String value) {
        if (value.startsWith("redis://") || value.startsWith("rediss://")) {
            try {
                return RedisLatchStores.create(RedisURI.create(value));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--latch-store is not a Redis URI: " + value);
            }
        }
        Path dir = Path.of(value);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UsageException("--latch-store directory cannot be created: " + dir);
        }
        return LatchStores.embedded(dir.resolve("latches.db"));
    }
}
