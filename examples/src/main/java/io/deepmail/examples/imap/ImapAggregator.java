package io.deepmail.examples.imap;

import io.deepmail.core.Account;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.connect.Targets;
import io.deepmail.examples.ExampleOptions;
import io.deepmail.imap.ImapClient;
import io.deepmail.imap.ImapClientOptions;
import io.deepmail.imap.ImapSession;
import io.deepmail.imap.response.ExistsData;
import io.deepmail.imap.response.FetchData;
import io.deepmail.metrics.micrometer.MicrometerMailClientMetricsRecorder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Syncs the INBOX of several accounts at once over IMAP: the envelopes already there, then, with
 * IDLE, each new message as it arrives, until {@code --idle-seconds} (default 60) have passed. Then it
 * prints the IDLE and command meters it recorded.
 *
 * <pre>
 * ImapAggregator --host mail.example.com --accounts alice@example.com:pw1,bob@example.com:pw2
 * </pre>
 *
 * <p>Besides the settings of {@link ExampleOptions}: {@code --accounts user:password,...} (else
 * {@code --user} and {@code --password}), {@code --idle-seconds} and {@code --idle-refresh-seconds}
 * (how long one IDLE lasts before it is re-issued; default 25 minutes).
 */
public final class ImapAggregator {

    private ImapAggregator() {
    }

    /**
     * Runs the aggregator.
     *
     * @param args see the class description
     * @throws Exception if the settings are unusable
     */
    public static void main(String[] args) throws Exception {
        ExampleOptions options = ExampleOptions.parse(args);
        Duration idle = Duration.ofSeconds(Long.parseLong(options.get("idle-seconds", "60")));
        Duration refresh = Duration.ofSeconds(Long.parseLong(options.get("idle-refresh-seconds", "1500")));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerMailClientMetricsRecorder metrics = MicrometerMailClientMetricsRecorder.create(registry);
        MailResources resources = MailResources.create();
        try {
            ImapClient client = ImapClient.create(metrics.instrument(options.transport(resources)))
                    .options(ImapClientOptions.defaults().mutate().idleRefresh(refresh).build())
                    .resolver(options.resolver());
            Targets targets = options.targets(MailProtocol.IMAP);
            Flux.fromIterable(accounts(options)).flatMap(account -> sync(client, account, targets, idle)).blockLast();
            registry.getMeters().stream()
                    .filter(m -> m.getId().getName().startsWith("mail.client.idle")
                            || m.getId().getName().equals("mail.client.command.duration"))
                    .forEach(m -> System.out.println("meter " + m.getId().getName() + " "
                            + m.getId().getTags() + " " + m.measure()));
        } finally {
            resources.disposeLater().block(Duration.ofSeconds(10));
        }
    }

    private static List<Account> accounts(ExampleOptions options) {
        String list = options.find("accounts");
        if (list == null) {
            return List.of(options.account());
        }
        List<Account> accounts = new ArrayList<>();
        for (String entry : list.split(",")) {
            int colon = entry.indexOf(':');
            accounts.add(ExampleOptions.account(entry.substring(0, colon), entry.substring(colon + 1)));
        }
        return accounts;
    }

    /** One account: SELECT INBOX, fetch every envelope, then IDLE and fetch what arrives. */
    private static Mono<Void> sync(ImapClient client, Account account, Targets targets, Duration idle) {
        String who = "[" + account.address() + "] ";
        AtomicLong known = new AtomicLong();
        AtomicLong synced = new AtomicLong();
        return Mono.usingWhen(client.connect(account, targets), session -> session.select("INBOX")
                .flatMap(box -> {
                    System.out.println(who + "INBOX: " + box.exists() + " messages; " + session.security().logLine());
                    known.set(box.exists());
                    return box.exists() == 0 ? Mono.empty()
                            : envelopes(session, who, "1:" + box.exists()).doOnNext(n -> synced.addAndGet(n));
                })
                .then(Mono.fromRunnable(() -> System.out.println(who + "idling for " + idle.toSeconds() + " s")))
                .thenMany(Flux.defer(() -> session.idle().ofType(ExistsData.class)
                                .filter(e -> e.count() > known.get()).next()
                                .flatMap(e -> envelopes(session, who + "new ", (known.get() + 1) + ":" + e.count())
                                        .doOnNext(n -> {
                                            synced.addAndGet(n);
                                            known.set(e.count());
                                        })))
                        .repeat()
                        .take(idle))
                .then(Mono.fromRunnable(() -> System.out.println(who + "synced " + synced.get() + " messages"))),
                ImapSession::logout);
    }

    /** Fetches the envelopes of {@code range} and prints each subject; emits how many there were. */
    private static Mono<Long> envelopes(ImapSession session, String prefix, String range) {
        return session.fetch(range, false, "UID", "ENVELOPE").ofType(FetchData.class)
                .doOnNext(d -> System.out.println(prefix + "#" + d.sequence() + " uid " + d.uid() + ": "
                        + (d.envelope() == null ? "" : d.envelope().decodedSubject())))
                .count();
    }
}
