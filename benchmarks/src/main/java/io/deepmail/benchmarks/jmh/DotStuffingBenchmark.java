package io.deepmail.benchmarks.jmh;

import io.deepmail.submission.internal.codec.ContentChunk;
import io.deepmail.submission.internal.codec.ContentEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * B6: SMTP DATA content encoding, dot-stuffing plus CRLF normalisation, of a 64 KB chunk (the
 * size the B3 peers stream in) whose lines end in bare LF or CRLF and one in ten starts with a dot.
 * Throughput in chunks per second; multiply by 64 KB for bytes per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DotStuffingBenchmark {

    /** Line endings of the input. */
    @Param({"crlf", "lf"})
    public String endings;

    private ByteBuf chunk;
    private EmbeddedChannel channel;

    /** Builds the chunk and the encoder channel. */
    @Setup(Level.Trial)
    public void setUp() {
        String eol = "lf".equals(endings) ? "\n" : "\r\n";
        StringBuilder text = new StringBuilder();
        int line = 0;
        while (text.length() < 64 * 1024) {
            text.append(line++ % 10 == 0 ? ".leading dot " : "").append("x".repeat(70)).append(eol);
        }
        chunk = Unpooled.unreleasableBuffer(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
        channel = new EmbeddedChannel(new ContentEncoder());
    }

    /** Closes the channel. */
    @TearDown(Level.Trial)
    public void tearDown() {
        channel.finishAndReleaseAll();
    }

    /**
     * One chunk through the encoder; the output is released.
     *
     * @return the encoded size
     */
    @Benchmark
    public int encode() {
        channel.writeOutbound(ContentChunk.of(chunk.duplicate(), ContentChunk.Framing.DATA));
        ByteBuf out = channel.readOutbound();
        int n = out.readableBytes();
        out.release();
        return n;
    }
}
