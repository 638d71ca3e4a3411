package io.deepmail.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.Account;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.testkit.LabEnvironment;
import io.deepmail.examples.imap.ImapAggregator;
import io.deepmail.examples.latch.LatchAwareConnector;
import io.deepmail.examples.pop3.Pop3Collector;
import io.deepmail.examples.submission.BulkSubmitter;
import io.deepmail.imap.ImapClient;
import io.deepmail.imap.ImapSession;
import io.deepmail.imap.command.Store;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each example's {@code main} against the interop lab (Dovecot, Postfix, Redis), with the lab's
 * settings passed as arguments, asserting what it really did: messages collected and synced, an
 * IDLE update seen, messages accepted and delivered, latches written to Redis. Messages the tests
 * create go to bob's INBOX and are deleted again, so the seed other tests count stays as it was.
 */
@Tag("integration")
class ExamplesLabIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Object OUTPUT_LOCK = new Object();

    private static MailResources resources;

    @BeforeAll
    static void start() {
        resources = MailResources.create();
    }

    @AfterAll
    static void stop() {
        resources.disposeLater().block(WAIT);
    }

    /** The connection settings every example takes, for the lab's main host and alice. */
    private static List<String> args(LabEnvironment env, String portKey, String... more) {
        List<String> args = new ArrayList<>(List.of("--host", env.get("LAB_HOST"), "--address", env.get("LAB_IP4"),
                "--ca", env.get("LAB_CA_PEM"), "--user", env.get("LAB_USER1"),
                "--password", env.get("LAB_USER1_PASSWORD"), "--port", String.valueOf(env.port(portKey)),
                "--mode", "implicit"));
        args.addAll(List.of(more));
        return args;
    }

    /** A main method. */
    private interface Main {
        void run(String[] args) throws Exception;
    }

    /** Runs {@code main}, returning what it printed while the future's caller can watch {@code seen}. */
    private static String run(Main main, List<String> args, StringBuilder seen) throws Exception {
        PrintStream original = System.out;
        OutputStream tee = new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public void write(int b) {
                original.write(b);
                line.write(b);
                if (b == '\n') {
                    synchronized (seen) {
                        seen.append(line.toString(StandardCharsets.UTF_8));
                    }
                    line.reset();
                }
            }
        };
        synchronized (OUTPUT_LOCK) {
            System.setOut(new PrintStream(tee, true, StandardCharsets.UTF_8));
            try {
                main.run(args.toArray(String[]::new));
            } finally {
                System.out.flush();
                System.setOut(original);
            }
        }
        synchronized (seen) {
            return seen.toString();
        }
    }

    private static String run(Main main, List<String> args) throws Exception {
        return run(main, args, new StringBuilder());
    }

    private static long number(String output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        assertThat(m.find()).as("output matches %s:%n%s", regex, output).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static ImapClient imap(LabEnvironment env) throws Exception {
        return ImapClient.create(ExampleOptions.parse("--host", env.get("LAB_HOST"), "--ca", env.get("LAB_CA_PEM"))
                        .transport(resources))
                .resolver(ExampleOptions.parse("--host", env.get("LAB_HOST"), "--address", env.get("LAB_IP4"))
                        .resolver());
    }

    private static io.deepmail.core.connect.Targets imaps(LabEnvironment env) {
        return ExampleOptions.parse("--host", env.get("LAB_HOST"), "--port", String.valueOf(env.port("LAB_IMAPS_PORT")))
                .targets(MailProtocol.IMAP);
    }

    private static Account bob(LabEnvironment env) {
        return ExampleOptions.account(env.get("LAB_USER2"), env.get("LAB_USER2_PASSWORD"));
    }

    @Test
    @DisplayName("Pop3Collector: collects every message of the maildrop over POP3S, at least the lab's seed")
    void pop3Collector() throws Exception {
        LabEnvironment env = LabEnvironment.require();
        String out = run(Pop3Collector::main, args(env, "LAB_POP3S_PORT"));
        long inDrop = number(out, "maildrop: (\\d+) messages");
        assertThat(number(out, "collected (\\d+) messages")).isEqualTo(inDrop)
                .isGreaterThanOrEqualTo(Long.parseLong(env.get("LAB_SEED_MESSAGES")));
        assertThat(number(out, "messages, (\\d+) octets")).isPositive();
        assertThat(out).contains("TLSv1.");
    }

    @Test
    @DisplayName("BulkSubmitter: six messages over a pool of two connections to Postfix, all accepted and delivered")
    void bulkSubmitter() throws Exception {
        LabEnvironment env = LabEnvironment.require();
        String tag = "examples-it-" + UUID.randomUUID();
        String out = run(BulkSubmitter::main, args(env, "LAB_SUBMISSIONS_PORT", "--count", "6", "--connections", "2",
                "--subject", tag, "--to", env.get("LAB_USER2")));
        assertThat(out).contains("accepted 6 of 6 messages", "meter mail.client.submissions [tag(outcome=accepted)] 6");
        assertThat(number(out, "pool: (\\d+) connections open")).isBetween(1L, 2L);
        assertThat(out).doesNotContain("failed:");
        ImapSession session = imap(env).connect(bob(env), imaps(env)).block(WAIT);
        try {
            session.select("INBOX").block(WAIT);
            long deadline = System.nanoTime() + WAIT.toNanos();
            List<Long> found = List.of();
            while (found.size() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                found = session.search("SUBJECT \"" + tag + "\"", true).block(WAIT);
            }
            assertThat(found).as("delivered to the Dovecot INBOX").hasSize(6);
        } finally {
            removeAndLogout(session, tag);
        }
    }

    /** Deletes the messages whose subject contains {@code tag} from the selected mailbox; then logs out. */
    private static void removeAndLogout(ImapSession session, String tag) {
        try {
            List<Long> uids = session.search("SUBJECT \"" + tag + "\"", true).block(WAIT);
            if (!uids.isEmpty()) {
                String set = String.join(",", uids.stream().map(String::valueOf).toList());
                session.store(new Store(set, Store.Action.ADD, List.of("\\Deleted"), true, true)).blockLast(WAIT);
                session.uidExpunge(set).blockLast(WAIT);
            }
        } finally {
            session.logout().block(WAIT);
        }
    }

    @Test
    @DisplayName("ImapAggregator: syncs alice and bob, and IDLE delivers a message appended while it waits")
    void imapAggregator() throws Exception {
        LabEnvironment env = LabEnvironment.require();
        String bob = env.get("LAB_USER2");
        String subject = "aggregated-" + UUID.randomUUID();
        List<String> args = args(env, "LAB_IMAPS_PORT", "--idle-seconds", "15", "--accounts",
                env.get("LAB_USER1") + ":" + env.get("LAB_USER1_PASSWORD") + "," + bob + ":"
                        + env.get("LAB_USER2_PASSWORD"));
        StringBuilder seen = new StringBuilder();
        CompletableFuture<String> running = CompletableFuture.supplyAsync(() -> {
            try {
                return run(ImapAggregator::main, args, seen);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!contains(seen, "[" + bob + "] idling") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        ImapSession session = imap(env).connect(bob(env), imaps(env)).block(WAIT);
        String out;
        try {
            session.append("INBOX", List.of(), ("From: <" + bob + ">\r\nTo: <" + bob + ">\r\nSubject: " + subject
                    + "\r\n\r\nAppended while the aggregator idles.\r\n").getBytes(StandardCharsets.US_ASCII))
                    .block(WAIT);
            out = running.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            session.select("INBOX").block(WAIT);
        } finally {
            removeAndLogout(session, subject);
        }
        String alice = env.get("LAB_USER1");
        assertThat(number(out, Pattern.quote("[" + alice + "] INBOX: ") + "(\\d+) messages"))
                .isGreaterThanOrEqualTo(Long.parseLong(env.get("LAB_SEED_MESSAGES")));
        assertThat(out).contains("[" + alice + "] synced ");
        long before = number(out, Pattern.quote("[" + bob + "] INBOX: ") + "(\\d+) messages");
        assertThat(out).containsPattern(Pattern.quote("[" + bob + "] new #") + "\\d+ uid \\d+: "
                + Pattern.quote(subject));
        assertThat(number(out, Pattern.quote("[" + bob + "] synced ") + "(\\d+) messages")).isEqualTo(before + 1);
        assertThat(out).contains("meter mail.client.idle.sessions [tag(protocol=imap)]");
    }

    private static boolean contains(StringBuilder seen, String text) {
        synchronized (seen) {
            return seen.indexOf(text) >= 0;
        }
    }

    @Test
    @DisplayName("LatchAwareConnector: a verified IMAPS session latches its tags in Redis, confirmed NORMAL")
    void latchAwareConnector() throws Exception {
        LabEnvironment env = LabEnvironment.require();
        RedisURI uri = RedisURI.create("redis://" + env.get("LAB_REDIS_HOST") + ":" + env.port("LAB_REDIS_PORT"));
        String key = "deepmail:latch:{" + env.get("LAB_USER1") + "}";
        RedisClient redis = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            connection.sync().del(key);
            String out = run(LatchAwareConnector::main, args(env, "LAB_IMAPS_PORT", "--redis", uri.toURI().toString(),
                    "--confirm", "true"));
            assertThat(out).contains("connected: ", "confirmed the latches of ")
                    .containsPattern("latch .* CERT_PKIX NORMAL")
                    .containsPattern("latch .* IMPLICIT NORMAL")
                    .contains("meter mail.client.latch.events");
            Map<String, String> stored = connection.sync().hgetall(key);
            assertThat(stored).as("the account's latches in Redis").isNotEmpty();
        } finally {
            redis.shutdown();
        }
    }
}
