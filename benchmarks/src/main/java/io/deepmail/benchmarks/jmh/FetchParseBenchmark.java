package io.deepmail.benchmarks.jmh;

import io.deepmail.imap.ImapClientOptions;
import io.deepmail.imap.internal.codec.DecoderLimits;
import io.deepmail.imap.internal.codec.ImapResponseDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * B6: parsing one FETCH response (UID, FLAGS, INTERNALDATE, RFC822.SIZE and a full ENVELOPE, the
 * RFC 3501 example) into typed values, from bytes: ours (the IMAP response decoder in an embedded
 * channel) against Angus Mail ({@code IMAPProtocol.readResponse} over a stream of the same bytes).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FetchParseBenchmark {

    /** The response line, without its CRLF. */
    static final String FETCH = "* 12 FETCH (UID 4321 FLAGS (\\Seen \\Answered) INTERNALDATE \"17-Jul-1996 02:44:25 -0700\""
            + " RFC822.SIZE 4286 ENVELOPE (\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\""
            + " \"IMAP4rev1 WG mtg summary and minutes\""
            + " ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\"))"
            + " ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\"))"
            + " ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\"))"
            + " ((NIL NIL \"imap\" \"cac.washington.edu\"))"
            + " ((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\"))"
            + " NIL NIL \"<B27397-0100000@cac.washington.edu>\"))";

    private ByteBuf wire;
    private EmbeddedChannel channel;
    private IMAPProtocol angus;

    /** Builds the decoder channel with the client's default limits. */
    @Setup(Level.Trial)
    public void setUp() {
        wire = Unpooled.unreleasableBuffer(Unpooled.copiedBuffer(FETCH + "\r\n", StandardCharsets.US_ASCII));
        channel = new EmbeddedChannel(new ImapResponseDecoder(new DecoderLimits(ImapClientOptions.DEFAULT_MAX_LINE_LENGTH,
                ImapClientOptions.DEFAULT_MAX_LITERAL_SIZE, Long.MAX_VALUE, ImapClientOptions.DEFAULT_MAX_RESPONSE_SIZE,
                ImapClientOptions.DEFAULT_MAX_NESTING)));
        try {
            angus = new IMAPProtocol(new Repeating((FETCH + "\r\n").getBytes(StandardCharsets.US_ASCII)),
                    new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.US_ASCII), new Properties(),
                    false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the channel. */
    @TearDown(Level.Trial)
    public void tearDown() {
        channel.finishAndReleaseAll();
    }

    /**
     * Ours: bytes in, one typed response out.
     *
     * @return the response
     */
    @Benchmark
    public Object ours() {
        channel.writeInbound(wire.duplicate());
        Object response = channel.readInbound();
        if (response == null) {
            throw new IllegalStateException("no response decoded");
        }
        return response;
    }

    /**
     * Angus Mail: its protocol reads the same bytes and returns the parsed FETCH response.
     *
     * @return the response
     * @throws Exception never for this input
     */
    @Benchmark
    public Object angus() throws Exception {
        Response r = angus.readResponse();
        if (!(r instanceof FetchResponse f) || f.getItemCount() != 5) {
            throw new IllegalStateException("not the expected FETCH response: " + r);
        }
        return r;
    }

    /** An endless stream of the same response, so that Angus reads from bytes as ours does. */
    private static final class Repeating extends InputStream {

        private final byte[] bytes;
        private int position;

        Repeating(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public int read() {
            int b = bytes[position] & 0xff;
            position = (position + 1) % bytes.length;
            return b;
        }

        @Override
        public int read(byte[] into, int off, int len) {
            int n = Math.min(len, bytes.length - position);
            System.arraycopy(bytes, position, into, off, n);
            position = (position + n) % bytes.length;
            return n;
        }
    }
}
