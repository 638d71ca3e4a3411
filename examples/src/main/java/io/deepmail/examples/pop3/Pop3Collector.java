package io.deepmail.examples.pop3;

import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.examples.ExampleOptions;
import io.deepmail.pop3.Pop3Client;
import io.deepmail.pop3.Pop3Session;
import io.deepmail.pop3.Pop3UidlEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Collects a mailbox over POP3: logs in, lists the messages by UIDL, and streams each one with RETR,
 * buffer by buffer, into {@code --out} (a directory; one {@code <uid>.eml} per message, skipping
 * those already there) or, without {@code --out}, only counts its bytes. {@code --delete true}
 * deletes each collected message on the server. Connection settings are those of {@link ExampleOptions}.
 *
 * <pre>
 * Pop3Collector --host pop.example.com --user alice@example.com --password pw --out mail/
 * </pre>
 */
public final class Pop3Collector {

    private Pop3Collector() {
    }

    /**
     * Runs the collector.
     *
     * @param args see the class description
     * @throws Exception if the settings are unusable
     */
    public static void main(String[] args) throws Exception {
        ExampleOptions options = ExampleOptions.parse(args);
        String out = options.find("out");
        Path dir = out == null ? null : Files.createDirectories(Path.of(out));
        boolean delete = Boolean.parseBoolean(options.get("delete", "false"));
        MailResources resources = MailResources.create();
        try {
            Pop3Client client = Pop3Client.create(options.transport(resources)).resolver(options.resolver());
            AtomicLong messages = new AtomicLong();
            AtomicLong bytes = new AtomicLong();
            Mono.usingWhen(client.connect(options.account(), options.targets(MailProtocol.POP3)),
                    session -> session.authenticate()
                            .then(session.stat())
                            .doOnNext(stat -> System.out.println("maildrop: " + stat.count() + " messages, "
                                    + stat.size() + " octets; " + session.security().logLine()))
                            .then(session.uidl())
                            .flatMapMany(Flux::fromIterable)
                            .publishOn(Schedulers.boundedElastic())
                            .filter(entry -> dir == null || !Files.exists(file(dir, entry)))
                            .concatMap(entry -> collect(session, entry, dir).doOnNext(size -> {
                                messages.incrementAndGet();
                                bytes.addAndGet(size);
                                System.out.println("message " + entry.number() + " uid " + entry.uid() + ": "
                                        + size + " octets");
                            }).then(delete ? session.dele(entry.number()) : Mono.empty()))
                            .then(),
                    Pop3Session::quit)
                    .block(Duration.ofMinutes(5));
            System.out.println("collected " + messages.get() + " messages, " + bytes.get() + " octets");
        } finally {
            resources.disposeLater().block(Duration.ofSeconds(10));
        }
    }

    private static Path file(Path dir, Pop3UidlEntry entry) {
        return dir.resolve(entry.uid().replaceAll("[^A-Za-z0-9._-]", "_") + ".eml");
    }

    /**
     * Streams one message into its file (or nowhere), releasing every buffer; emits its size. File
     * writes block, so they run on a worker, never on the event loop.
     */
    private static Mono<Long> collect(Pop3Session session, Pop3UidlEntry entry, @Nullable Path dir) {
        return Mono.using(() -> dir == null ? OutputStream.nullOutputStream()
                        : Files.newOutputStream(file(dir, entry)),
                stream -> session.retr(entry.number()).publishOn(Schedulers.boundedElastic())
                        .reduce(0L, (size, buf) -> {
                            try {
                                int n = buf.readableBytes();
                                buf.readBytes(stream, n);
                                return size + n;
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            } finally {
                                buf.release();
                            }
                        }),
                Pop3Collector::close);
    }

    private static void close(OutputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
