package io.deepmail.imap.command;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Objects;
import org.reactivestreams.Publisher;

/**
 * APPEND: adds a message to a mailbox. The content is streamed from {@code content} as one literal of
 * the declared {@code size}: synchronizing (after the server's {@code +}), or non-synchronizing under
 * LITERAL+, or under LITERAL- when it is at most 4096 bytes (RFC 7888). With {@code binary} it is a
 * {@code literal8} ({@code ~{n}}, RFC 3516), which may hold NUL and bare CR or LF and needs the
 * server's {@code BINARY} capability.
 *
 * <p>The content is read as the connection can take it, never held whole. If the publisher gives
 * more or fewer bytes than {@code size}, the command fails with
 * {@link LiteralSizeMismatchException} and the connection is closed, because the server would read
 * the wrong bytes as the next command.
 *
 * @param mailbox the mailbox, in Unicode
 * @param flags the flags to set, possibly empty
 * @param size the exact content size in bytes
 * @param content the RFC 5322 message (CRLF line endings unless {@code binary}); subscribed to once
 *     the literal may be written, each buffer released once written. It is never subscribed to if the
 *     server refuses the command first, so create buffers on subscription, not before
 * @param binary whether to send a {@code literal8}
 * @since 0.1
 */
public record Append(String mailbox, List<String> flags, long size, Publisher<ByteBuf> content, boolean binary)
        implements ImapCommand {

    /**
     * Validates the command.
     *
     * @param mailbox the mailbox
     * @param flags the flags
     * @param size the size
     * @param content the content
     * @param binary whether to send a literal8
     */
    public Append {
        Objects.requireNonNull(mailbox, "mailbox");
        flags = List.copyOf(flags);
        Objects.requireNonNull(content, "content");
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
    }

    @Override
    public String verb() {
        return "APPEND";
    }

    @Override
    public String toString() {
        return "Append[" + mailbox + ", " + flags + ", " + size + (binary ? " binary" : "") + " bytes]";
    }
}
