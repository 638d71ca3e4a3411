package io.deepmail.benchmarks.worker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The B3 message: an RFC 5322 text message of a given size with CRLF lines of 76 characters, one
 * line in 20 starting with a dot so that dot-stuffing has work to do.
 */
final class Messages {

    static final String FROM = "bench@bench.test";

    private Messages() {
    }

    static byte[] message(int bytes) {
        StringBuilder m = new StringBuilder(bytes + 128);
        m.append("From: Bench <").append(FROM).append(">\r\n")
                .append("To: <rcpt1@bench.test>\r\n")
                .append("Subject: benchmark message\r\n")
                .append("Message-ID: <bench@bench.test>\r\n")
                .append("MIME-Version: 1.0\r\n")
                .append("Content-Type: text/plain; charset=us-ascii\r\n\r\n");
        int line = 0;
        while (m.length() < bytes - 80) {
            String prefix = line++ % 20 == 0 ? "." : "";
            m.append(prefix).append("the quick brown fox jumps over the lazy dog 0123456789 abcdefghijklmnop".repeat(2),
                    0, 76 - prefix.length()).append("\r\n");
        }
        while (m.length() < bytes - 2) {
            m.append('x');
        }
        m.append("\r\n");
        return m.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static List<String> recipients(int n) {
        List<String> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            list.add("rcpt" + i + "@bench.test");
        }
        return list;
    }

    /** The message dot-stuffed and terminated for DATA: what the raw floor writes as is. */
    static byte[] stuffedForData(byte[] message) {
        String text = new String(message, StandardCharsets.US_ASCII);
        String stuffed = text.replace("\r\n.", "\r\n..");
        if (stuffed.startsWith(".")) {
            stuffed = "." + stuffed;
        }
        return (stuffed + ".\r\n").getBytes(StandardCharsets.US_ASCII);
    }
}
