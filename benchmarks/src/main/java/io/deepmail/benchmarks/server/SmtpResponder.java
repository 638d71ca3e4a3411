package io.deepmail.benchmarks.server;

import io.netty.buffer.ByteBuf;
import java.util.Locale;

/**
 * A minimal submission server: EHLO with PIPELINING, SIZE, 8BITMIME and AUTH PLAIN, MAIL, RCPT,
 * DATA (content discarded up to the final dot), RSET, NOOP and QUIT.
 */
final class SmtpResponder extends LineResponder {

    /** The SIZE limit advertised in EHLO. */
    static final long MAX_SIZE = 50L * 1024 * 1024;

    private boolean data;
    private boolean saslContinuation;
    private long queued;

    SmtpResponder(long delayMillis) {
        super(delayMillis);
    }

    @Override
    void greet() {
        reply("220 mail.bench.test ESMTP bench");
    }

    @Override
    void line(ByteBuf raw) {
        if (data) {
            if (isDot(raw)) {
                data = false;
                reply("250 2.0.0 Ok: queued as B" + (++queued));
            }
            return;
        }
        String line = ascii(raw);
        if (saslContinuation) {
            saslContinuation = false;
            reply("235 2.7.0 Authentication successful");
            return;
        }
        int sp = line.indexOf(' ');
        String verb = (sp < 0 ? line : line.substring(0, sp)).toUpperCase(Locale.ROOT);
        switch (verb) {
            case "EHLO" -> {
                reply("250-mail.bench.test");
                reply("250-PIPELINING");
                reply("250-SIZE " + MAX_SIZE);
                reply("250-8BITMIME");
                reply("250-ENHANCEDSTATUSCODES");
                reply("250 AUTH PLAIN");
            }
            case "HELO" -> reply("250 mail.bench.test");
            case "AUTH" -> {
                if (line.split(" ").length >= 3) {
                    reply("235 2.7.0 Authentication successful");
                } else {
                    saslContinuation = true;
                    reply("334 ");
                }
            }
            case "MAIL" -> reply("250 2.1.0 Ok");
            case "RCPT" -> reply("250 2.1.5 Ok");
            case "DATA" -> {
                data = true;
                reply("354 End data with <CR><LF>.<CR><LF>");
            }
            case "QUIT" -> {
                reply("221 2.0.0 Bye");
                closeAfterReply();
            }
            default -> reply("250 2.0.0 Ok");
        }
    }
}
