package io.deepmail.imap;

import static io.deepmail.imap.LabSessions.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.core.testkit.LabEnvironment;
import io.deepmail.core.testkit.MailResourcesExtension;
import io.deepmail.imap.command.Store;
import io.deepmail.imap.response.BodyStructure;
import io.deepmail.imap.response.FetchData;
import io.deepmail.imap.response.ListData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

/**
 * Mail operations against the lab's Dovecot, checked against the bytes on disk: every seeded
 * message fetched whole equals its Maildir file, the attachment message's body structure matches
 * its MIME parts, and the decoded CSV and PNG attachments equal the files' base64 content; then
 * APPEND, STORE (add, remove, replace), MOVE and EXPUNGE in mailboxes of the test's own.
 */
@Tag("integration")
class ImapMailboxLabIntegrationTests {

    @RegisterExtension
    static final MailResourcesExtension RESOURCES = new MailResourcesExtension();

    private static final Pattern MESSAGE_ID = Pattern.compile("(?mi)^Message-ID:\\s*(<[^>]+>)");

    /** The seeded messages in the user's Maildir (new/ and cur/), by Message-ID, with CRLF line ends as IMAP serves them. */
    private static Map<String, String> maildir(LabEnvironment env, String user) throws IOException {
        String[] address = user.split("@");
        Path root = env.path("LAB_RUN_DIR").resolve("mail").resolve(address[1]).resolve(address[0]).resolve("Maildir");
        Map<String, String> out = new HashMap<>();
        for (String dir : List.of("new", "cur")) {
            Path d = root.resolve(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> files = Files.list(d)) {
                for (Path f : files.toList()) {
                    String text = Files.readString(f, StandardCharsets.UTF_8).replace("\r\n", "\n").replace("\n", "\r\n");
                    Matcher m = MESSAGE_ID.matcher(text);
                    if (m.find() && m.group(1).startsWith("<seed-")) {
                        out.put(m.group(1), text);
                    }
                }
            }
        }
        return out;
    }

    /** The base64 body of the MIME part whose headers name {@code fileName}, decoded. */
    private static byte[] attachment(String message, String fileName) {
        Matcher m = Pattern.compile("filename=\"" + Pattern.quote(fileName) + "\"[^\\r]*\\r\\n(?:[^\\r]+\\r\\n)*\\r\\n"
                + "([A-Za-z0-9+/=\\r\\n]+?)\\r\\n\\r?\\n?--").matcher(message);
        assertThat(m.find()).as("the %s part in the Maildir file", fileName).isTrue();
        return Base64.getMimeDecoder().decode(m.group(1));
    }

    @Test
    @DisplayName("LIST, EXAMINE and FETCH of the seed: each message equals its Maildir file; the attachment's structure and its CSV and PNG bytes equal the file's")
    void seedAgainstMaildir() throws Exception {
        LabEnvironment env = LabEnvironment.require();
        Map<String, String> files = maildir(env, env.get("LAB_USER1"));
        assertThat(files).hasSize(Integer.parseInt(env.get("LAB_SEED_MESSAGES")));
        ImapSession s = LabSessions.client(env, RESOURCES.get()).connect(LabSessions.user(env, "1"),
                LabSessions.main(env)).block(WAIT);
        try {
            assertThat(s.list("", "*", false).map(ListData::mailbox).collectList().block(WAIT)).contains("INBOX");
            s.examine("INBOX").block(WAIT);
            List<FetchData> data = s.fetch("1:*", true, "UID", "ENVELOPE", "BODYSTRUCTURE", "RFC822.SIZE")
                    .ofType(FetchData.class).collectList().block(WAIT);
            int seen = 0;
            for (FetchData d : data) {
                String file = files.get(d.envelope().messageId());
                if (file == null) {
                    continue; // mail other tests delivered
                }
                seen++;
                byte[] whole = LabSessions.collect(s.fetch(Long.toString(d.uid()), true, "BODY.PEEK[]"));
                assertThat(new String(whole, StandardCharsets.UTF_8)).as(d.envelope().messageId()).isEqualTo(file);
                assertThat(d.size()).isEqualTo((long) whole.length);
            }
            assertThat(seen).isEqualTo(files.size());

            FetchData attachment = data.stream()
                    .filter(d -> "<seed-attachment@deepmail.lab>".equals(d.envelope().messageId())).findFirst()
                    .orElseThrow();
            String file = files.get("<seed-attachment@deepmail.lab>");
            BodyStructure.Multipart mixed = (BodyStructure.Multipart) attachment.bodyStructure();
            assertThat(mixed.mediaType()).isEqualTo("multipart/mixed");
            assertThat(mixed.parameters()).containsEntry("boundary", "=_mixed_boundary_7");
            BodyStructure.Single text = (BodyStructure.Single) mixed.parts().get(0);
            BodyStructure.Single csv = (BodyStructure.Single) mixed.parts().get(1);
            BodyStructure.Single png = (BodyStructure.Single) mixed.parts().get(2);
            assertThat(text.mediaType()).isEqualTo("text/plain");
            assertThat(text.encoding()).isEqualToIgnoringCase("7bit");
            assertThat(csv.mediaType()).isEqualTo("text/csv");
            assertThat(csv.fileName()).isEqualTo("report.csv");
            assertThat(csv.encoding()).isEqualToIgnoringCase("base64");
            assertThat(png.mediaType()).isEqualTo("image/png");
            assertThat(png.fileName()).isEqualTo("pixel.png");
            assertThat(png.disposition()).isEqualToIgnoringCase("attachment");

            String uid = Long.toString(attachment.uid());
            byte[] csvEncoded = LabSessions.collect(s.fetch(uid, true, "BODY.PEEK[2]"));
            byte[] pngEncoded = LabSessions.collect(s.fetch(uid, true, "BODY.PEEK[3]"));
            assertThat(csv.size()).isEqualTo(csvEncoded.length);
            assertThat(png.size()).isEqualTo(pngEncoded.length);
            assertThat(Base64.getMimeDecoder().decode(csvEncoded)).isEqualTo(attachment(file, "report.csv"))
                    .asString(StandardCharsets.US_ASCII).startsWith("protocol,port,mode\n");
            byte[] pixel = Base64.getMimeDecoder().decode(pngEncoded);
            assertThat(pixel).isEqualTo(attachment(file, "pixel.png"));
            assertThat(pixel).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        } finally {
            s.logout().block(WAIT);
        }
    }

    @Test
    @DisplayName("APPEND then FETCH back byte for byte; STORE adds, removes and replaces flags; MOVE carries the message over; EXPUNGE reports it")
    void appendStoreMoveExpunge() throws Exception {
        LabEnvironment env = LabEnvironment.require();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String from = "deepmail-move-a-" + suffix;
        String to = "deepmail-move-b-" + suffix;
        String message = "From: alice@example.test\r\nTo: alice@example.test\r\nSubject: move " + suffix
                + "\r\nMessage-ID: <move-" + suffix + "@deepmail.lab>\r\n\r\nBody of " + suffix + "\r\n";
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        ImapSession s = LabSessions.client(env, RESOURCES.get()).connect(LabSessions.user(env, "1"),
                LabSessions.main(env)).block(WAIT);
        try {
            s.create(from).then(s.create(to)).block(WAIT);
            s.append(from, List.of("\\Seen"), bytes).then(s.append(from, List.of(), bytes)).block(WAIT);
            assertThat(s.select(from).block(WAIT).exists()).isEqualTo(2);
            assertThat(LabSessions.collect(s.fetch("1", false, "BODY.PEEK[]"))).isEqualTo(bytes);

            assertThat(s.store(new Store("1", Store.Action.ADD, List.of("\\Flagged", "$Label1"), false, false))
                    .blockLast(WAIT).flags()).contains("\\Seen", "\\Flagged", "$Label1");
            assertThat(s.store(new Store("1", Store.Action.REMOVE, List.of("\\Seen"), false, false))
                    .blockLast(WAIT).flags()).contains("\\Flagged").doesNotContain("\\Seen");
            assertThat(s.store(new Store("1", Store.Action.REPLACE, List.of("\\Answered"), false, false))
                    .blockLast(WAIT).flags()).contains("\\Answered").doesNotContain("\\Flagged", "$Label1");
            assertThat(s.store(new Store("2", Store.Action.ADD, List.of("\\Seen"), true, false))
                    .collectList().block(WAIT)).as(".SILENT").isEmpty();

            s.move("1", to, false).block(WAIT);
            assertThat(s.status(to, "MESSAGES").block(WAIT).get("MESSAGES")).isEqualTo(1);
            assertThat(s.search("ALL", false).block(WAIT)).containsExactly(1L);
            s.store(new Store("1", Store.Action.ADD, List.of("\\Deleted"), true, false)).blockLast(WAIT);
            assertThat(s.expunge().collectList().block(WAIT)).containsExactly(1L);
            assertThat(s.status(from, "MESSAGES").block(WAIT).get("MESSAGES")).isZero();

            s.select(to).block(WAIT);
            List<FetchData> moved = s.fetch("1", false, "FLAGS", "ENVELOPE").ofType(FetchData.class).collectList()
                    .block(WAIT);
            assertThat(moved.get(0).flags()).contains("\\Answered");
            assertThat(moved.get(0).envelope().messageId()).isEqualTo("<move-" + suffix + "@deepmail.lab>");
        } finally {
            s.unselect().onErrorResume(e -> Mono.empty())
                    .then(s.delete(from).onErrorResume(e -> Mono.empty()))
                    .then(s.delete(to).onErrorResume(e -> Mono.empty())).block(WAIT);
            s.logout().block(WAIT);
        }
    }
}
