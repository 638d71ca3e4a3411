package io.deepmail.benchmarks.worker;

import io.netty.buffer.ByteBuf;

/** Byte-level line tests for the raw Netty peer: no strings are made on the hot path. */
final class Lines {

    private Lines() {
    }

    /** Any line: the IMAP greeting is one line. */
    static boolean any(ByteBuf line) {
        return true;
    }

    /** The tagged completion of a command sent with tag {@code a}. */
    static boolean taggedA(ByteBuf line) {
        return line.readableBytes() > 2 && line.getByte(line.readerIndex()) == 'a'
                && line.getByte(line.readerIndex() + 1) == ' ';
    }

    /** The last line of an SMTP reply: a code followed by a space (or the code alone). */
    static boolean smtpFinal(ByteBuf line) {
        return line.readableBytes() == 3 || line.readableBytes() > 3 && line.getByte(line.readerIndex() + 3) == ' ';
    }
}
