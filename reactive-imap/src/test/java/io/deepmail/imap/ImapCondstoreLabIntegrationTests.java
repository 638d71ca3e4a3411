package io.deepmail.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.testkit.LabEnvironment;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.imap.command.Append;
import io.deepmail.imap.command.Fetch;
import io.deepmail.imap.command.SelectOptions;
import io.deepmail.imap.command.Store;
import io.deepmail.imap.response.ESearchData;
import io.deepmail.imap.response.FetchData;
import io.deepmail.imap.response.Untagged;
import io.deepmail.imap.response.VanishedData;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * CONDSTORE/QRESYNC (RFC 7162), streamed APPEND and BINARY (RFC 3516) against the lab's real
 * Dovecot, each in a mailbox of its own.
 */
@Tag("integration")
class ImapCondstoreLabIntegrationTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ImapSession connect(LabEnvironment env) throws Exception {
        return ImapLabIntegrationTests.client(env, RESOURCES).connect(ImapLabIntegrationTests.alice(env),
                ImapLabIntegrationTests.main(env)).block(WAIT);
    }

    /** Leaves the mailbox, deletes it and logs out, whatever state the test left the session in. */
    private static void cleanUp(ImapSession s, String box) {
        s.unselect().onErrorResume(e -> Mono.empty()).then(s.delete(box)).onErrorResume(e -> Mono.empty())
                .block(WAIT);
        s.logout().block(WAIT);
    }

    private static byte[] message(String subject) {
        return ("From: alice@example.test\r\nTo: alice@example.test\r\nSubject: " + subject
                + "\r\n\r\nbody of " + subject + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("RFC 7162 on Dovecot: SELECT (CONDSTORE), a STORE moves HIGHESTMODSEQ, a stale UNCHANGEDSINCE is MODIFIED, SELECT (QRESYNC) and UID FETCH VANISHED report the expunged UID as VANISHED (EARLIER)")
    void condstoreAndQresync() throws Exception {
        LabEnvironment env = LabEnvironment.require();
        String box = "deepmail-qresync-" + UUID.randomUUID().toString().substring(0, 8);
        ImapSession s = connect(env);
        try {
            assertThat(s.capabilities()).contains("CONDSTORE", "QRESYNC");
            s.create(box).block(WAIT);
            for (int i = 0; i < 3; i++) {
                s.append(box, List.of(), message("qresync " + i)).block(WAIT);
            }
            MailboxState first = s.select(box, SelectOptions.CONDSTORE).block(WAIT);
            assertThat(first.exists()).isEqualTo(3);
            assertThat(first.highestModSeq()).isPositive();
            assertThat(first.noModSeq()).isFalse();
            long before = first.highestModSeq();
            ESearchData uids = s.esearch("ALL", true, "MIN", "MAX").block(WAIT);

            StoreResult flagged = s.conditionalStore(new Store("1", Store.Action.ADD, List.of("\\Flagged"), false,
                    false, before)).block(WAIT);
            assertThat(flagged.modified()).isNull();
            assertThat(flagged.updated()).hasSize(1);
            long flaggedModSeq = flagged.updated().get(0).modSeq();
            assertThat(flaggedModSeq).isGreaterThan(before);

            StoreResult stale = s.conditionalStore(new Store("1", Store.Action.ADD, List.of("\\Seen"), true, false,
                    before)).block(WAIT);
            assertThat(stale.modified()).isNotNull();
            assertThat(stale.modified().contains(1)).isTrue();

            long middle = uids.min() + 1;
            s.store(new Store(Long.toString(middle), Store.Action.ADD, List.of("\\Deleted"), true, true))
                    .blockLast(WAIT);
            assertThat(s.uidExpunge(Long.toString(middle)).collectList().block(WAIT)).containsExactly(2L);
            s.unselect().block(WAIT);

            MailboxState resync = s.select(box, SelectOptions.qresync(new SelectOptions.Qresync(first.uidValidity(),
                    before, uids.min() + ":" + uids.max(), null, null))).block(WAIT);
            assertThat(s.enabled()).contains("QRESYNC");
            assertThat(resync.highestModSeq()).isGreaterThan(before);
            assertThat(resync.vanished()).isNotEmpty().allMatch(VanishedData::earlier);
            assertThat(resync.vanished().stream().anyMatch(v -> v.uids().contains(middle))).isTrue();
            assertThat(resync.changed()).extracting(FetchData::uid).contains(uids.min());

            List<Untagged> since = s.fetch(new Fetch("1:*", List.of("FLAGS"), true, before, true)).collectList()
                    .block(WAIT);
            assertThat(since).filteredOn(VanishedData.class::isInstance).map(VanishedData.class::cast)
                    .anyMatch(v -> v.earlier() && v.uids().contains(middle));
            assertThat(since).filteredOn(FetchData.class::isInstance).map(d -> ((FetchData) d).uid())
                    .contains(uids.min());
        } finally {
            cleanUp(s, box);
        }
    }

    @Test
    @DisplayName("streamed APPEND of a 1 MiB message from 16 KiB buffers, fetched back byte for byte; BINARY.PEEK of a base64 part comes back decoded")
    void streamedAppendAndBinary() throws Exception {
        LabEnvironment env = LabEnvironment.require();
        String box = "deepmail-append-" + UUID.randomUUID().toString().substring(0, 8);
        ImapSession s = connect(env);
        try {
            s.create(box).block(WAIT);
            byte[] big = bigMessage();
            Flux<ByteBuf> content = Flux.range(0, (big.length + 16383) / 16384)
                    .map(i -> Unpooled.wrappedBuffer(big, i * 16384, Math.min(16384, big.length - i * 16384)));
            s.append(new Append(box, List.of(), big.length, content, false)).block(WAIT);

            byte[] payload = new byte[3000];
            new Random(7).nextBytes(payload);
            payload[0] = 0;
            String mime = "From: alice@example.test\r\nSubject: binary\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n"
                    + "--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                    + Base64.getMimeEncoder().encodeToString(payload) + "\r\n--b--\r\n";
            s.append(box, List.of(), mime.getBytes(StandardCharsets.US_ASCII)).block(WAIT);

            s.examine(box).block(WAIT);
            assertThat(LabSessions.collect(s.fetch("1", false, "BODY.PEEK[]"))).isEqualTo(big);
            List<Untagged> binary = s.fetch(new Fetch("2", List.of("BINARY.SIZE[2]", "BINARY.PEEK[2]"), false))
                    .collectList().block(WAIT);
            assertThat(LabSessions.collect(Flux.fromIterable(binary))).isEqualTo(payload);
            FetchData data = binary.stream().filter(FetchData.class::isInstance).map(FetchData.class::cast)
                    .findFirst().orElseThrow();
            assertThat(data.binarySizes()).containsEntry("2", (long) payload.length);
        } finally {
            cleanUp(s, box);
        }
    }

    private static byte[] bigMessage() {
        StringBuilder out = new StringBuilder("From: alice@example.test\r\nSubject: one mebibyte\r\n\r\n");
        int line = 0;
        while (out.length() < (1 << 20) - 100) {
            out.append(String.format("%08d ", line++)).append("0123456789abcdef".repeat(4)).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
