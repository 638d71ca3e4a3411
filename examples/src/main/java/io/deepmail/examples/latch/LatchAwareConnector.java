package io.deepmail.examples.latch;

import io.deepmail.core.Account;
import io.deepmail.core.LatchViolationException;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.latch.LatchService;
import io.deepmail.core.latch.LatchState;
import io.deepmail.core.latch.LatchStore;
import io.deepmail.core.latch.RedisLatchStores;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.examples.ExampleOptions;
import io.deepmail.imap.ImapClient;
import io.deepmail.imap.ImapSession;
import io.deepmail.metrics.micrometer.MailMeterNames;
import io.deepmail.metrics.micrometer.MicrometerMailClientMetricsRecorder;
import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;

/**
 * Connects to IMAP with latches kept in Redis, so every node of a fleet enforces what any node
 * learned: the first verified session latches its tags PROVISIONAL, {@code --confirm true} makes
 * them NORMAL (binding), and a later session that lacks a latched tag is refused before any
 * credential is sent. It prints the session's security, the account's latches as Redis now holds
 * them, and the latch events it recorded. Besides the settings of {@link ExampleOptions}:
 * {@code --redis} (a Redis URI, default {@code redis://127.0.0.1:6379}) and {@code --confirm}.
 *
 * <pre>
 * LatchAwareConnector --host imap.example.com --user alice@example.com --password pw --redis redis://redis:6379
 * </pre>
 */
public final class LatchAwareConnector {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private LatchAwareConnector() {
    }

    /**
     * Runs the connector.
     *
     * @param args see the class description
     * @throws Exception if the settings are unusable
     */
    public static void main(String[] args) throws Exception {
        ExampleOptions options = ExampleOptions.parse(args);
        Account account = options.account();
        boolean confirm = Boolean.parseBoolean(options.get("confirm", "false"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerMailClientMetricsRecorder metrics = MicrometerMailClientMetricsRecorder.create(registry);
        LatchStore store = RedisLatchStores.create(RedisURI.create(options.get("redis", "redis://127.0.0.1:6379")));
        MailResources resources = MailResources.create();
        try {
            LatchService latches = metrics.instrument(LatchService.create(store));
            ImapClient client = ImapClient.create(metrics.instrument(options.transport(resources)))
                    .resolver(options.resolver())
                    .latches(latches);
            SessionSecurity security;
            try {
                ImapSession session = client.connect(account, options.targets(MailProtocol.IMAP)).block(WAIT);
                security = session.security();
                System.out.println("connected: " + security.logLine());
                session.logout().block(WAIT);
            } catch (LatchViolationException e) {
                System.out.println("refused by a latch, nothing was sent: " + e.getMessage());
                return;
            }
            if (confirm) {
                latches.confirm(account, security.endpoint()).block(WAIT);
                System.out.println("confirmed the latches of " + security.endpoint());
            }
            LatchState state = latches.state(account).block(WAIT);
            state.endpoints().forEach((endpoint, held) -> held.tags().forEach((tag, latch) ->
                    System.out.println("latch " + endpoint + " " + tag + " " + latch.state())));
            registry.find(MailMeterNames.LATCH_EVENTS).counters().forEach(c -> System.out.println("meter "
                    + c.getId().getName() + " " + c.getId().getTags() + " " + (long) c.count()));
        } finally {
            resources.disposeLater().block(Duration.ofSeconds(10));
            store.dispose();
        }
    }
}
