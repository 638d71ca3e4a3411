package io.deepmail.benchmarks.worker;

import io.deepmail.benchmarks.common.BenchPki;
import java.util.Properties;
import java.util.concurrent.CompletionStage;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.util.MailLogger;

/**
 * B1 for Angus Mail: its IMAP protocol object (connect, Implicit TLS with the server identity
 * check, greeting, CAPABILITY), then disconnect. Blocking, one thread per connection in flight.
 */
final class AngusImapConnect implements Peer {

    private final Properties props = new Properties();
    private final MailLogger logger = new MailLogger(AngusImapConnect.class, "DEBUG IMAPS", false, System.out);
    private final Blocking threads;
    private final int port;

    AngusImapConnect(WorkerConfig config) {
        this.port = config.port();
        this.threads = new Blocking(config.inflight(), "angus");
        props.put("mail.imaps.ssl.socketFactory", BenchPki.jdkContext(config.pki()).getSocketFactory());
        props.put("mail.imaps.ssl.checkserveridentity", "true");
        props.put("mail.imaps.ssl.protocols", "TLSv1.3 TLSv1.2");
    }

    @Override
    public CompletionStage<?> operation() {
        return threads.submit(() -> {
            IMAPProtocol p = new IMAPProtocol("imaps", BenchPki.HOST, port, props, true, logger);
            try {
                if (!p.hasCapability("IMAP4REV1")) {
                    throw new IllegalStateException("no capabilities read");
                }
            } finally {
                p.disconnect();
            }
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
