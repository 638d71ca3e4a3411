package io.deepmail.imap.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deepmail.core.ProtocolViolationException;
import io.deepmail.imap.response.BodyStructure;
import io.deepmail.imap.response.CapabilityData;
import io.deepmail.imap.response.Continuation;
import io.deepmail.imap.response.ESearchData;
import io.deepmail.imap.response.ExistsData;
import io.deepmail.imap.response.IdData;
import io.deepmail.imap.response.NamespaceData;
import io.deepmail.imap.response.FetchChunk;
import io.deepmail.imap.response.FetchData;
import io.deepmail.imap.response.ListData;
import io.deepmail.imap.response.SearchData;
import io.deepmail.imap.response.StatusData;
import io.deepmail.imap.response.StatusResponse;
import io.deepmail.imap.response.Tagged;
import io.deepmail.imap.response.UntaggedStatus;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ImapResponseDecoderUnitTests {

    private final DecoderHarness decoder = new DecoderHarness();
    private final EmbeddedChannel channel = decoder.channel;

    @AfterEach
    void close() {
        decoder.close();
    }

    private List<Object> feed(String... parts) {
        return decoder.feed(parts);
    }

    private static String text(FetchChunk c) {
        return DecoderHarness.text(c);
    }

    @Test
    @DisplayName("status responses keep their code and text verbatim")
    void statuses() {
        List<Object> out = feed("* OK [CAPABILITY IMAP4rev2 STARTTLS] Dovecot (\"ready\r\n",
                "a1 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n+ go ahead\r\n+\r\n* BYE bye\r\n");
        UntaggedStatus greeting = (UntaggedStatus) out.get(0);
        assertThat(greeting.status().code().words()).containsExactlyInAnyOrder("IMAP4REV2", "STARTTLS");
        assertThat(greeting.status().text()).isEqualTo("Dovecot (\"ready");
        Tagged no = (Tagged) out.get(1);
        assertThat(no.tag()).isEqualTo("a1");
        assertThat(no.status().kind()).isEqualTo(StatusResponse.Kind.NO);
        assertThat(no.status().code().name()).isEqualTo("AUTHENTICATIONFAILED");
        assertThat(out.get(2)).isEqualTo(new Continuation("go ahead"));
        assertThat(out.get(3)).isEqualTo(new Continuation(""));
        assertThat(((UntaggedStatus) out.get(4)).status().kind()).isEqualTo(StatusResponse.Kind.BYE);
    }

    @Test
    @DisplayName("data responses: CAPABILITY, EXISTS, LIST with special-use, STATUS, SEARCH")
    void data() {
        List<Object> out = feed("* CAPABILITY IMAP4rev1 LITERAL+ AUTH=PLAIN\r\n* 23 EXISTS\r\n",
                "* LIST (\\HasNoChildren \\Sent) \"/\" \"Sent Items\"\r\n* LIST () NIL {5}\r\nInbox\r\n",
                "* STATUS INBOX (MESSAGES 4 UIDNEXT 5)\r\n* SEARCH 2 3 17\r\n");
        assertThat(((CapabilityData) out.get(0)).capabilities()).contains("LITERAL+", "AUTH=PLAIN");
        assertThat(out.get(1)).isEqualTo(new ExistsData(23));
        ListData sent = (ListData) out.get(2);
        assertThat(sent.hasAttribute("\\sent")).isTrue();
        assertThat(sent.mailbox()).isEqualTo("Sent Items");
        assertThat(sent.delimiter()).isEqualTo("/");
        assertThat(((ListData) out.get(3)).mailbox()).isEqualTo("Inbox");
        assertThat(((ListData) out.get(3)).delimiter()).isNull();
        assertThat(((StatusData) out.get(4)).get("UIDNEXT")).isEqualTo(5);
        assertThat(((SearchData) out.get(5)).numbers()).containsExactly(2L, 3L, 17L);
    }

    @Test
    @DisplayName("FETCH: flags, UID, size, envelope with a literal subject, multipart body structure")
    void fetchAttributes() {
        List<Object> out = feed("* 3 FETCH (UID 7 FLAGS (\\Seen $Forwarded) RFC822.SIZE 812 ENVELOPE (\"Wed, 8 Jan 2025\" {12}\r\n",
                "=?UTF-8?Q?=C3=A9t=C3=A9?=".substring(0, 0) + "Subject text",
                " ((\"Erin\" NIL \"erin\" \"example.test\")) NIL NIL ((NIL NIL \"alice\" \"example.test\")) NIL NIL NIL"
                        + " \"<id@x>\") BODYSTRUCTURE ((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 44 2"
                        + " NIL NIL NIL NIL)(\"text\" \"csv\" (\"name\" \"report.csv\") NIL NIL \"base64\" 80 2 NIL"
                        + " (\"attachment\" (\"filename\" \"report.csv\")) NIL NIL) \"mixed\" (\"boundary\" \"b\") NIL NIL NIL))\r\n");
        assertThat(out).hasSize(1);
        FetchData f = (FetchData) out.get(0);
        assertThat(f.sequence()).isEqualTo(3);
        assertThat(f.uid()).isEqualTo(7);
        assertThat(f.flags()).containsExactly("\\Seen", "$Forwarded");
        assertThat(f.size()).isEqualTo(812);
        assertThat(f.envelope().subject()).isEqualTo("Subject text");
        assertThat(f.envelope().from().get(0).address()).isEqualTo("erin@example.test");
        assertThat(f.envelope().messageId()).isEqualTo("<id@x>");
        BodyStructure.Multipart mp = (BodyStructure.Multipart) f.bodyStructure();
        assertThat(mp.mediaType()).isEqualTo("multipart/mixed");
        BodyStructure.Single csv = (BodyStructure.Single) mp.parts().get(1);
        assertThat(csv.mediaType()).isEqualTo("text/csv");
        assertThat(csv.disposition()).isEqualTo("attachment");
        assertThat(csv.fileName()).isEqualTo("report.csv");
    }

    @Test
    @DisplayName("a BODY[] literal is streamed as chunks as its bytes arrive, before the response ends")
    void streamedSection() {
        List<Object> first = feed("* 1 FETCH (UID 9 BODY[] {11}\r\nHello");
        assertThat(first).hasSize(1);
        FetchChunk c1 = (FetchChunk) first.get(0);
        assertThat(c1.item()).isEqualTo("BODY[]");
        assertThat(c1.sequence()).isEqualTo(1);
        assertThat(c1.last()).isFalse();
        assertThat(text(c1)).isEqualTo("Hello");
        List<Object> rest = feed(" world BODY[HEADER.FIELDS (SUBJECT)]<0> {0}\r\n FLAGS ())\r\n");
        FetchChunk c2 = (FetchChunk) rest.get(0);
        assertThat(c2.offset()).isEqualTo(5);
        assertThat(c2.last()).isTrue();
        assertThat(text(c2)).isEqualTo(" world");
        FetchChunk empty = (FetchChunk) rest.get(1);
        assertThat(empty.item()).isEqualTo("BODY[HEADER.FIELDS (SUBJECT)]");
        assertThat(empty.origin()).isEqualTo(0);
        assertThat(empty.last()).isTrue();
        assertThat(text(empty)).isEmpty();
        FetchData data = (FetchData) rest.get(2);
        assertThat(data.uid()).isEqualTo(9);
        assertThat(data.section("BODY[]").size()).isEqualTo(11);
        assertThat(data.section("BODY[]").streamed()).isTrue();
        assertThat(data.flags()).isEmpty();
    }

    @Test
    @DisplayName("a literal inside a status line or a header is buffered, never streamed")
    void bufferedLiteralsElsewhere() {
        List<Object> out = feed("* 2 FETCH (ENVELOPE (NIL {3}\r\nabc NIL NIL NIL NIL NIL NIL NIL NIL))\r\n");
        assertThat(((FetchData) out.get(0)).envelope().subject()).isEqualTo("abc");
    }

    private void assertViolation(String... parts) {
        decoder.assertViolation(parts);
    }

    @Test
    @DisplayName("ESEARCH, ID and NAMESPACE responses become typed records")
    void extensionData() {
        List<Object> out = feed("* ESEARCH (TAG \"A3\") UID COUNT 2 ALL 4,7 MODSEQ 9\r\n",
                "* ID (\"name\" \"Dovecot\" \"os\" NIL)\r\n* NAMESPACE ((\"\" \"/\")) NIL ((\"#shared/\" NIL))\r\n");
        assertThat(out).containsExactly(
                new ESearchData("A3", true, -1, -1, 2, "4,7", java.util.Map.of("MODSEQ", "9")),
                new IdData(java.util.Map.of("name", "Dovecot")),
                new NamespaceData(List.of(new NamespaceData.Entry("", "/")), List.of(),
                        List.of(new NamespaceData.Entry("#shared/", null))));
    }

    @Test
    @DisplayName("hostile: an ESEARCH ALL that is not a sequence set is a typed error")
    void badEsearchSet() {
        assertViolation("* ESEARCH ALL 1:*x\r\n");
    }

    @Test
    @DisplayName("hostile: an ESEARCH item without its value is a typed error")
    void esearchWithoutValue() {
        assertViolation("* ESEARCH (TAG \"A1\") COUNT\r\n");
    }

    @Test
    @DisplayName("hostile: a NAMESPACE entry without a delimiter is a typed error")
    void badNamespace() {
        assertViolation("* NAMESPACE ((\"\")) NIL NIL\r\n");
    }

    @Test
    @DisplayName("hostile: a buffered literal beyond the limit is a typed error")
    void oversizedLiteral() {
        assertViolation("* 1 FETCH (ENVELOPE (NIL {999999}\r\n");
    }

    @Test
    @DisplayName("hostile: unbalanced quotes, NUL, bad literal, deep nesting, tag garbage")
    void malformed() {
        assertViolation("* LIST () \"/\" \"unterminated\r\n");
    }

    @Test
    @DisplayName("hostile: NUL inside a line")
    void nul() {
        assertViolation("* OK hello\0world\r\n");
    }

    @Test
    @DisplayName("hostile: nesting beyond the limit")
    void deepNesting() {
        assertViolation("* FLAGS " + "(".repeat(40) + ")".repeat(40) + "\r\n");
    }

    @Test
    @DisplayName("hostile: a tagged BYE or an unknown status")
    void badTagged() {
        assertViolation("a1 BYE nope\r\n");
    }

    @Test
    @DisplayName("hostile: a 10 MB line without LF is refused once it passes the line limit")
    void endlessLine() {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'a');
        Throwable failure = null;
        for (int i = 0; i < 160 && failure == null; i++) {
            try {
                channel.writeInbound(Unpooled.wrappedBuffer(chunk));
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        assertThat(failure).hasRootCauseInstanceOf(ProtocolViolationException.class);
    }

    @Test
    @DisplayName("hostile: the server closes in the middle of a literal")
    void unterminatedLiteral() {
        List<Object> out = feed("* 1 FETCH (BODY[] {100}\r\nonly a part");
        ((FetchChunk) out.get(0)).release();
        assertThatThrownBy(channel::finish).hasRootCauseInstanceOf(ProtocolViolationException.class);
    }

    @Test
    @DisplayName("resetAfterTls drops a partial response collected before TLS")
    void reset() {
        feed("* 1 FETCH (ENVELOPE (NIL {10}\r\nabc");
        ImapResponseDecoder decoder = channel.pipeline().get(ImapResponseDecoder.class);
        decoder.resetAfterTls();
        assertThat(feed("* 4 EXISTS\r\n")).containsExactly(new ExistsData(4));
    }
}
