package io.deepmail.benchmarks.worker;

import io.deepmail.benchmarks.common.BenchPki;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.dns.AddressResolverOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;

/**
 * B3 for the Vert.x mail client: Implicit TLS, AUTH PLAIN, a pool of {@code inflight} connections,
 * PIPELINING as it defaults, the message body the same text.
 *
 * <p>The host name is checked because the verification algorithm is left unset: vertx-mail-client
 * 5.0.7 then sets {@code HTTPS} itself, but it replaces an algorithm the caller set explicitly with
 * the empty string, which turns the check off. {@code HostNameCheckUnitTests} proves the check is on.
 */
final class VertxSubmit implements Peer {

    private final Vertx vertx;
    private final MailClient client;
    private final MailMessage message;
    private final String provider;

    VertxSubmit(WorkerConfig config) {
        this.vertx = Vertx.vertx(new VertxOptions()
                .setEventLoopPoolSize(Math.max(1, Runtime.getRuntime().availableProcessors()))
                .setAddressResolverOptions(new AddressResolverOptions()
                        .setHostsPath(config.pki().resolve(BenchPki.HOSTS).toString())));
        MailConfig mail = new MailConfig()
                .setHostname(BenchPki.HOST).setPort(config.port()).setSsl(true)
                .setTrustOptions(new PemTrustOptions().addCertPath(config.pki().resolve(BenchPki.CA_PEM).toString()))
                .setLogin(LoginOption.REQUIRED).setAuthMethods("PLAIN")
                .setUsername(Ours.USER).setPassword(Ours.PASSWORD)
                .setMaxPoolSize(config.inflight()).setKeepAlive(true);
        if (config.boringSsl()) {
            mail.setSslEngineOptions(new OpenSSLEngineOptions());
        }
        this.provider = config.boringSsl() ? "BoringSSL" : "JDK";
        this.client = MailClient.create(vertx, mail);
        byte[] whole = Messages.message(config.messageBytes());
        this.message = new MailMessage().setFrom(Messages.FROM).setTo(Messages.recipients(config.recipients()))
                .setSubject("benchmark message").setText(new String(whole, StandardCharsets.US_ASCII));
    }

    @Override
    public CompletionStage<?> operation() {
        return client.sendMail(message).toCompletionStage();
    }

    @Override
    public String tlsProvider() {
        return provider;
    }

    @Override
    public void close() {
        client.close();
        vertx.close();
    }
}
