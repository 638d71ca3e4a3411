package io.deepmail.benchmarks.worker;

import io.deepmail.benchmarks.common.BenchPki;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Properties;
import java.util.concurrent.CompletionStage;

/**
 * B3 for Angus Mail: one connected {@code smtps} transport per thread, {@code inflight} threads
 * (Angus has no pool), each sending the same parsed message.
 */
final class AngusSubmit implements Peer {

    private final Session session;
    private final Blocking threads;
    private final ThreadLocal<Transport> transport = new ThreadLocal<>();
    private final MimeMessage message;
    private final Address[] recipients;
    private final int port;

    AngusSubmit(WorkerConfig config) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtps.auth", "true");
        props.put("mail.smtps.ssl.socketFactory", BenchPki.jdkContext(config.pki()).getSocketFactory());
        props.put("mail.smtps.ssl.checkserveridentity", "true");
        props.put("mail.smtps.ssl.protocols", "TLSv1.3 TLSv1.2");
        this.session = Session.getInstance(props);
        this.port = config.port();
        this.threads = new Blocking(config.inflight(), "angus");
        this.message = new MimeMessage(session, new ByteArrayInputStream(Messages.message(config.messageBytes())));
        this.recipients = Messages.recipients(config.recipients()).stream().map(AngusSubmit::address)
                .toArray(Address[]::new);
    }

    private static Address address(String a) {
        try {
            return new InternetAddress(a);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException(a, e);
        }
    }

    @Override
    public CompletionStage<?> operation() {
        return threads.submit(() -> {
            Transport t = transport.get();
            if (t == null) {
                t = session.getTransport("smtps");
                t.connect(BenchPki.HOST, port, Ours.USER, Ours.PASSWORD);
                transport.set(t);
            }
            t.sendMessage(message, recipients);
        });
    }

    @Override
    public String tlsProvider() {
        return "JDK";
    }

    @Override
    public void close() {
        threads.close();
    }
}
