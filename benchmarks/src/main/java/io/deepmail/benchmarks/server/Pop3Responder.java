package io.deepmail.benchmarks.server;

import io.netty.buffer.ByteBuf;
import java.util.Locale;

/**
 * A minimal POP3 server with an empty maildrop: CAPA, USER/PASS, AUTH PLAIN, STAT, LIST, UIDL,
 * NOOP and QUIT.
 */
final class Pop3Responder extends LineResponder {

    private boolean saslContinuation;

    Pop3Responder(long delayMillis) {
        super(delayMillis);
    }

    @Override
    void greet() {
        reply("+OK bench POP3 ready");
    }

    @Override
    void line(ByteBuf raw) {
        String line = ascii(raw);
        if (saslContinuation) {
            saslContinuation = false;
            reply("+OK authenticated");
            return;
        }
        int sp = line.indexOf(' ');
        String verb = (sp < 0 ? line : line.substring(0, sp)).toUpperCase(Locale.ROOT);
        switch (verb) {
            case "CAPA" -> {
                reply("+OK capability list follows");
                reply("USER");
                reply("SASL PLAIN");
                reply("PIPELINING");
                reply("UIDL");
                reply("TOP");
                reply(".");
            }
            case "AUTH" -> {
                if (line.split(" ").length >= 3) {
                    reply("+OK authenticated");
                } else {
                    saslContinuation = true;
                    reply("+ ");
                }
            }
            case "STAT" -> reply("+OK 0 0");
            case "LIST", "UIDL" -> {
                reply("+OK 0 messages");
                reply(".");
            }
            case "QUIT" -> {
                reply("+OK bye");
                closeAfterReply();
            }
            default -> reply("+OK");
        }
    }
}
