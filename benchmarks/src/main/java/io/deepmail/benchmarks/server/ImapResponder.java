package io.deepmail.benchmarks.server;

import io.netty.buffer.ByteBuf;
import io.netty.handler.ssl.SslContext;
import java.util.Locale;

/**
 * A minimal IMAP4rev1 server: CAPABILITY, LOGIN, AUTHENTICATE PLAIN (with or without an initial
 * response), SELECT/EXAMINE of an empty mailbox, IDLE/DONE, NOOP and LOGOUT; any other command is
 * answered {@code OK}.
 */
final class ImapResponder extends LineResponder {

    static final String CAPABILITIES = "IMAP4rev1 SASL-IR AUTH=PLAIN IDLE";

    private @org.jspecify.annotations.Nullable String continuationTag;
    private boolean idling;
    private @org.jspecify.annotations.Nullable SslContext startTls;
    private final boolean clear;

    ImapResponder(long delayMillis) {
        this(delayMillis, null);
    }

    /**
     * A responder that starts in the clear and offers STARTTLS when {@code startTls} is set.
     *
     * @param delayMillis the per-round-trip delay
     * @param startTls the server context for STARTTLS, or null for an Implicit TLS listener
     */
    ImapResponder(long delayMillis, @org.jspecify.annotations.Nullable SslContext startTls) {
        super(delayMillis);
        this.startTls = startTls;
        this.clear = startTls != null;
    }

    @Override
    boolean startsInClear() {
        return clear;
    }

    private String capabilities() {
        return startTls != null ? "IMAP4rev1 STARTTLS LOGINDISABLED" : CAPABILITIES;
    }

    @Override
    void greet() {
        reply("* OK bench IMAP ready");
    }

    @Override
    void line(ByteBuf raw) {
        String line = ascii(raw);
        if (continuationTag != null) {
            String tag = continuationTag;
            continuationTag = null;
            if (idling) {
                idling = false;
                reply(tag + " OK IDLE terminated");
            } else {
                reply(tag + " OK [CAPABILITY " + CAPABILITIES + "] authenticated");
            }
            return;
        }
        int sp = line.indexOf(' ');
        if (sp <= 0) {
            reply("* BAD no tag");
            return;
        }
        String tag = line.substring(0, sp);
        String rest = line.substring(sp + 1);
        int sp2 = rest.indexOf(' ');
        String verb = (sp2 < 0 ? rest : rest.substring(0, sp2)).toUpperCase(Locale.ROOT);
        switch (verb) {
            case "CAPABILITY" -> {
                reply("* CAPABILITY " + capabilities());
                reply(tag + " OK CAPABILITY completed");
            }
            case "LOGIN" -> reply(tag + " OK [CAPABILITY " + CAPABILITIES + "] logged in");
            case "AUTHENTICATE" -> {
                if (rest.split(" ").length >= 3) {
                    reply(tag + " OK [CAPABILITY " + CAPABILITIES + "] authenticated");
                } else {
                    continuationTag = tag;
                    reply("+ ");
                }
            }
            case "SELECT", "EXAMINE" -> {
                reply("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)");
                reply("* 0 EXISTS");
                reply("* 0 RECENT");
                reply("* OK [UIDVALIDITY 1] UIDs valid");
                reply("* OK [UIDNEXT 1] next UID");
                reply(tag + " OK [" + ("SELECT".equals(verb) ? "READ-WRITE" : "READ-ONLY") + "] done");
            }
            case "IDLE" -> {
                continuationTag = tag;
                idling = true;
                reply("+ idling");
            }
            case "STARTTLS" -> {
                if (startTls == null) {
                    reply(tag + " BAD TLS already active");
                } else {
                    reply(tag + " OK begin TLS negotiation now");
                    startTlsAfterReply(startTls);
                    startTls = null;
                }
            }
            case "LOGOUT" -> {
                reply("* BYE bench IMAP logging out");
                reply(tag + " OK LOGOUT completed");
                closeAfterReply();
            }
            default -> reply(tag + " OK " + verb + " completed");
        }
    }
}
