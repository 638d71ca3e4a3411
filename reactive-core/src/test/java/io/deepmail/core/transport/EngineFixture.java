package io.deepmail.core.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * An exchange engine installed in an {@link EmbeddedChannel}, behind a handler that counts the
 * {@code read()} requests reaching the transport. Everything runs on the test thread.
 */
final class EngineFixture<C, R> {

    static final Duration VERIFY = Duration.ofSeconds(5);

    /** SMTP-style: {@code "250-more"} continues, {@code "250 done"} ends. */
    static final Predicate<String> FINAL_LINE = s -> s.length() < 4 || s.charAt(3) != '-';

    final ExchangeEngine<C, R> engine;
    final EmbeddedChannel channel;
    private final ReadCounter reads = new ReadCounter();

    EngineFixture(Correlator<R> correlator, ExchangeOptions options) {
        this.engine = ExchangeEngine.create(correlator, options);
        this.channel = new EmbeddedChannel();
        channel.pipeline().addLast("reads", reads).addLast(ExchangeEngine.HANDLER_NAME, engine.handler());
    }

    static EngineFixture<String, String> fifo() {
        return fifo(ExchangeOptions.defaults());
    }

    static EngineFixture<String, String> fifo(ExchangeOptions options) {
        return new EngineFixture<>(FifoCorrelator.instance(), options);
    }

    static ExchangeOptions pipelined() {
        return ExchangeOptions.builder().pipelining(true).build();
    }

    /** Delivers responses as if decoded from one socket read. */
    void respond(Object... responses) {
        channel.writeInbound(responses);
    }

    /** Everything the engine has written and flushed so far, in order. */
    List<Object> written() {
        List<Object> out = new ArrayList<>();
        Object next;
        while ((next = channel.readOutbound()) != null) {
            out.add(next);
        }
        return out;
    }

    int reads() {
        return reads.count;
    }

    /** Counts {@code read()} requests travelling towards the transport. */
    private static final class ReadCounter extends ChannelOutboundHandlerAdapter {

        private int count;

        @Override
        public void read(ChannelHandlerContext ctx) {
            count++;
            ctx.read();
        }
    }
}
