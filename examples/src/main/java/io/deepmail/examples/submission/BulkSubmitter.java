package io.deepmail.examples.submission;

import io.deepmail.core.Account;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.connect.Targets;
import io.deepmail.examples.ExampleOptions;
import io.deepmail.metrics.micrometer.MailMeterNames;
import io.deepmail.metrics.micrometer.MicrometerMailClientMetricsRecorder;
import io.deepmail.submission.Envelope;
import io.deepmail.submission.PoolOptions;
import io.deepmail.submission.SubmissionClient;
import io.deepmail.submission.SubmissionPool;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Submits many messages through a pool of authenticated submission connections: {@code --count}
 * messages (default 10) from {@code --from} to {@code --to} (both default to {@code --user}), with
 * the subject {@code --subject} and a counter, over at most {@code --connections} connections
 * (default 4). It prints each queue id, then the submission and pool meters it recorded.
 * Connection settings are those of {@link ExampleOptions}.
 *
 * <pre>
 * BulkSubmitter --host smtp.example.com --user alice@example.com --password pw --to bob@example.com --count 100
 * </pre>
 */
public final class BulkSubmitter {

    private BulkSubmitter() {
    }

    /**
     * Runs the submitter.
     *
     * @param args see the class description
     * @throws Exception if the settings are unusable
     */
    public static void main(String[] args) throws Exception {
        ExampleOptions options = ExampleOptions.parse(args);
        Account account = options.account();
        String from = options.get("from", account.address());
        String to = options.get("to", account.address());
        String subject = options.get("subject", "deepmail bulk submission");
        int count = Integer.parseInt(options.get("count", "10"));
        int connections = Integer.parseInt(options.get("connections", "4"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerMailClientMetricsRecorder metrics = MicrometerMailClientMetricsRecorder.create(registry);
        MailResources resources = MailResources.create();
        try {
            SubmissionClient client = SubmissionClient.create(metrics.instrument(options.transport(resources)))
                    .resolver(options.resolver());
            Targets targets = options.targets(MailProtocol.SUBMISSION);
            SubmissionPool pool = client.pool(PoolOptions.defaults().withMaxConnections(connections)
                    .withResubscribableContent(true));
            Envelope envelope = Envelope.of(from, to);
            // Computed here, not per message: a random UUID and the time zone may block, and the
            // messages are built on event loops as earlier sends complete.
            String run = UUID.randomUUID().toString();
            String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now());
            long accepted = Flux.range(1, count)
                    .flatMap(i -> pool.send(account, targets, envelope,
                                    message(from, to, subject + " " + i + "/" + count, date, i + "." + run))
                            .doOnNext(r -> System.out.println("message " + i + " queued as " + r.queueId()))
                            .onErrorResume(e -> {
                                System.out.println("message " + i + " failed: " + e);
                                return Mono.empty();
                            }), connections * 2)
                    .count()
                    .block(Duration.ofMinutes(5));
            System.out.println("pool: " + pool.connections(account, targets) + " connections open, "
                    + (long) registry.get(MailMeterNames.POOL_ALLOCATED).gauge().value() + " allocated in all pools");
            pool.disposeLater().block(Duration.ofSeconds(30));
            registry.find(MailMeterNames.SUBMISSIONS).counters().forEach(c -> System.out.println("meter "
                    + c.getId().getName() + " " + c.getId().getTags() + " " + (long) c.count()));
            registry.find(MailMeterNames.SUBMISSION_BYTES).counters().forEach(c -> System.out.println("meter "
                    + c.getId().getName() + " " + c.getId().getTags() + " " + (long) c.count()));
            System.out.println("accepted " + accepted + " of " + count + " messages");
        } finally {
            resources.disposeLater().block(Duration.ofSeconds(10));
        }
    }

    /** A small RFC 5322 message, built again on every subscription so that a retry can resend it. */
    private static Flux<ByteBuf> message(String from, String to, String subject, String date, String id) {
        String text = "From: <" + from + ">\r\n"
                + "To: <" + to + ">\r\n"
                + "Subject: " + subject + "\r\n"
                + "Date: " + date + "\r\n"
                + "Message-ID: <" + id + "@deepmail.example>\r\n"
                + "\r\n"
                + "Sent by the deepmail bulk submitter example.\r\n";
        return Flux.defer(() -> Flux.just(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII)));
    }
}
