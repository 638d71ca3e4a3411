package io.deepmail.cli;

import io.deepmail.sandbox.Sandbox;
import io.deepmail.sandbox.SandboxOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** One running sandbox with its CA and password written to files, as a user of the CLI would have them. */
final class SandboxFixture implements AutoCloseable {

    final Sandbox sandbox;
    final Path dir;
    final Path ca;
    final Path password;
    final Path wrongPassword;

    SandboxFixture(Path dir) {
        this.dir = dir;
        this.sandbox = Sandbox.start(SandboxOptions.defaults());
        try {
            this.ca = Files.writeString(dir.resolve("ca.pem"), sandbox.trustAnchorPem(), StandardCharsets.US_ASCII);
            this.password = Files.writeString(dir.resolve("password"), sandbox.password() + "\n");
            this.wrongPassword = Files.writeString(dir.resolve("wrong"), "not-the-password\n");
        } catch (IOException e) {
            sandbox.close();
            throw new UncheckedIOException(e);
        }
    }

    String resolver() {
        return "127.0.0.1:" + sandbox.dnsServer().getPort();
    }

    String port(io.deepmail.core.MailProtocol protocol, io.deepmail.core.TransportMode mode) {
        return String.valueOf(sandbox.endpoint(protocol, mode).port());
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
