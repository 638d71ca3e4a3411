package io.deepmail.imap.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.deepmail.imap.response.FetchChunk;
import io.deepmail.imap.response.FetchData;
import io.deepmail.imap.response.ListData;
import io.deepmail.imap.response.SequenceSet;
import io.deepmail.imap.response.Tagged;
import io.deepmail.imap.response.UntaggedStatus;
import io.deepmail.imap.response.VanishedData;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CONDSTORE/QRESYNC (RFC 7162), BINARY (RFC 3516) and UTF8=ACCEPT (RFC 6855) responses in the decoder. */
class ImapExtensionDecoderUnitTests {

    private final DecoderHarness decoder = new DecoderHarness();

    @AfterEach
    void close() {
        decoder.close();
    }

    private List<Object> feed(String... parts) {
        return decoder.feed(parts);
    }

    private void assertViolation(String... parts) {
        decoder.assertViolation(parts);
    }

    private static String text(FetchChunk c) {
        return DecoderHarness.text(c);
    }

    @Test
    @DisplayName("RFC 7162: VANISHED and VANISHED (EARLIER) become VanishedData with the UID ranges as sent")
    void vanished() {
        List<Object> out = feed("* VANISHED (EARLIER) 41,43:116,300:299\r\n* VANISHED 405\r\n");
        VanishedData earlier = (VanishedData) out.get(0);
        assertThat(earlier.earlier()).isTrue();
        assertThat(earlier.uids().toString()).isEqualTo("41,43:116,299:300");
        assertThat(earlier.uids().count()).isEqualTo(1 + 74 + 2);
        assertThat(earlier.uids().contains(116)).isTrue();
        assertThat(earlier.uids().contains(42)).isFalse();
        assertThat(out.get(1)).isEqualTo(new VanishedData(false, SequenceSet.parse("405")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"* VANISHED\r\n", "* VANISHED (EARLIER)\r\n", "* VANISHED (LATER) 4\r\n",
            "* VANISHED 1:*\r\n", "* VANISHED 0\r\n", "* VANISHED 4,,5\r\n", "* VANISHED 4 5\r\n",
            "* VANISHED (EARLIER EXTRA) 4\r\n", "* VANISHED \"4\"\r\n"})
    @DisplayName("RFC 7162: a malformed VANISHED is a ProtocolViolationException")
    void malformedVanished(String line) {
        assertViolation(line);
    }

    @Test
    @DisplayName("RFC 7162: MODSEQ in FETCH, HIGHESTMODSEQ and NOMODSEQ response codes, MODIFIED on the tagged OK")
    void modSeq() {
        List<Object> out = feed("* 4 FETCH (UID 8 MODSEQ (12111230047) FLAGS (\\Seen))\r\n",
                "* OK [HIGHESTMODSEQ 715194045007] ok\r\n* OK [NOMODSEQ] none\r\nA3 OK [MODIFIED 7,9] done\r\n");
        assertThat(((FetchData) out.get(0)).modSeq()).isEqualTo(12111230047L);
        assertThat(((UntaggedStatus) out.get(1)).status().code().number()).isEqualTo(715194045007L);
        assertThat(((UntaggedStatus) out.get(2)).status().code().name()).isEqualTo("NOMODSEQ");
        assertThat(((Tagged) out.get(3)).status().code().argument()).isEqualTo("7,9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"* 1 FETCH (MODSEQ ())\r\n", "* 1 FETCH (MODSEQ (1 2))\r\n", "* 1 FETCH (MODSEQ 5)\r\n",
            "* 1 FETCH (MODSEQ (x))\r\n"})
    @DisplayName("RFC 7162: a malformed MODSEQ is a ProtocolViolationException")
    void malformedModSeq(String line) {
        assertViolation(line);
    }

    @Test
    @DisplayName("RFC 3516: a BINARY[] literal8 is streamed as chunks, NUL bytes included; BINARY.SIZE is a number")
    void binary() {
        List<Object> first = feed("* 2 FETCH (UID 5 BINARY.SIZE[1] 6 BINARY[1] ~{6}\r\nab\0");
        FetchChunk c1 = (FetchChunk) first.get(0);
        assertThat(c1.item()).isEqualTo("BINARY[1]");
        assertThat(c1.last()).isFalse();
        assertThat(text(c1)).isEqualTo("ab\0");
        List<Object> rest = feed("\u0001cd)\r\n");
        FetchChunk c2 = (FetchChunk) rest.get(0);
        assertThat(c2.offset()).isEqualTo(3);
        assertThat(c2.last()).isTrue();
        assertThat(text(c2)).isEqualTo("\u0001cd");
        FetchData data = (FetchData) rest.get(1);
        assertThat(data.binarySizes()).containsEntry("1", 6L);
        assertThat(data.section("BINARY[1]").size()).isEqualTo(6);
        assertThat(data.section("BINARY[1]").streamed()).isTrue();
    }

    @Test
    @DisplayName("RFC 3516: BINARY[] may also come as an ordinary literal or NIL")
    void binaryAsLiteralOrNil() {
        List<Object> out = feed("* 3 FETCH (BINARY[2] {2}\r\nhi BINARY[3] NIL)\r\n");
        assertThat(text((FetchChunk) out.get(0))).isEqualTo("hi");
        FetchData data = (FetchData) out.get(1);
        assertThat(data.section("BINARY[3]").size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"* 1 FETCH (BODY[] ~{3}\r\nabc)\r\n", "* 1 FETCH (ENVELOPE (NIL ~{3}\r\n",
            "* OK ~{3}\r\n", "* 1 FETCH (BINARY[1] ~{x}\r\n", "* 1 FETCH (BINARY.SIZE[1] x)\r\n",
            "* 1 FETCH (BINARY[1] ~3)\r\n"})
    @DisplayName("RFC 3516: literal8 outside BINARY[], or a malformed literal8 or BINARY.SIZE, is a ProtocolViolationException")
    void malformedBinary(String line) {
        assertViolation(line);
    }

    @Test
    @DisplayName("RFC 6855: LIST names are modified UTF-7 until ENABLED UTF8=ACCEPT, then UTF-8; TLS resets the mode")
    void utf8Names() {
        List<Object> before = feed("* LIST () \"/\" \"&AMk-t&AOk-\"\r\n");
        assertThat(((ListData) before.get(0)).utf8()).isFalse();
        assertThat(((ListData) before.get(0)).decodedMailbox()).isEqualTo("\u00c9t\u00e9");
        List<Object> after = feed("* ENABLED UTF8=ACCEPT\r\n* LIST () \"/\" \"\u00c9t\u00e9 A&B-C\"\r\n");
        ListData utf8 = (ListData) after.get(1);
        assertThat(utf8.utf8()).isTrue();
        assertThat(utf8.decodedMailbox()).isEqualTo("\u00c9t\u00e9 A&B-C");
        ((ImapResponseDecoder) decoder.channel.pipeline().first()).resetAfterTls();
        List<Object> reset = feed("* LIST () \"/\" \"A&B-C\"\r\n");
        assertThat(((ListData) reset.get(0)).utf8()).isFalse();
    }
}
