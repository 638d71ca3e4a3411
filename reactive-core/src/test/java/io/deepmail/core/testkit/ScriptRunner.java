package io.deepmail.core.testkit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SniCompletionEvent;
import io.netty.handler.ssl.SslCloseCompletionEvent;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLSession;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link Script} on one connection, entirely on the channel's event loop and without ever
 * blocking: waiting steps arm a scheduled timer or wait for the next read or event. Inbound buffers
 * are copied into a byte array and released at once. Re-entrant calls (a handler event fired while a
 * step runs) are folded into the running loop.
 */
final class ScriptRunner extends ChannelInboundHandlerAdapter {

    static final String TLS_HANDLER_NAME = "scripted-tls";

    private static final int NO_TIMER = -1;
    private static final int IMPLICIT_HANDSHAKE = -2;

    private final ScriptedConnection connection;
    private final List<ScriptStep> steps;
    private final @Nullable Supplier<ChannelHandler> tlsHandlers;
    private final Duration handshakeTimeout;
    private final boolean implicitTls;

    private @Nullable ChannelHandlerContext ctx;
    private byte[] pending = new byte[512];
    private int pendingLength;
    private int next;
    private boolean awaitingHandshake;
    private boolean running;
    private boolean rerun;
    private @Nullable ScheduledFuture<?> timer;
    private int timerStep = NO_TIMER;

    ScriptRunner(ScriptedConnection connection, Script script, @Nullable Supplier<ChannelHandler> tlsHandlers,
            boolean implicitTls) {
        this.connection = connection;
        this.steps = script.steps();
        this.handshakeTimeout = script.handshakeTimeout();
        this.tlsHandlers = tlsHandlers;
        this.implicitTls = implicitTls;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        ctx = context;
        connection.active(context.channel().remoteAddress() instanceof InetSocketAddress remote ? remote : null);
        if (implicitTls) {
            awaitingHandshake = true;
            arm(IMPLICIT_HANDSHAKE, handshakeTimeout,
                    () -> fail("implicit TLS handshake not completed within " + handshakeTimeout));
        }
        run();
        context.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (!(msg instanceof ByteBuf buf)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        byte[] bytes;
        try {
            bytes = ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
        if (connection.tlsStarted()) {
            connection.recordApplicationData(bytes);
        }
        append(bytes);
        run();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object evt) {
        if (evt instanceof SniCompletionEvent sni) {
            connection.recordSni(sni.hostname());
        } else if (evt instanceof SslHandshakeCompletionEvent handshake) {
            onHandshake(context, handshake);
        } else if (evt instanceof SslCloseCompletionEvent close && close.isSuccess()) {
            connection.recordCloseNotify();
        }
        context.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        connection.markClosed();
        if (!connection.isScriptDone()) {
            if (next < steps.size() && steps.get(next) instanceof ScriptStep.AwaitClose) {
                cancelTimer();
                next++;
                run();
            } else {
                fail("the client closed the connection" + (awaitingHandshake ? " during the TLS handshake" : ""));
            }
        }
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        // Consumed here: the failure is recorded, and the connection closed.
        fail("exception in the pipeline: " + cause, cause);
    }

    private void onHandshake(ChannelHandlerContext context, SslHandshakeCompletionEvent event) {
        if (!event.isSuccess()) {
            fail("TLS handshake failed: " + event.cause(), event.cause());
            return;
        }
        SslHandler handler = context.pipeline().get(SslHandler.class);
        SSLSession session = handler.engine().getSession();
        connection.recordHandshake(session.getProtocol(), session.getCipherSuite());
        if (awaitingHandshake) {
            awaitingHandshake = false;
            cancelTimer();
            run();
        }
    }

    /** Runs steps until one has to wait; folds re-entrant calls into the running loop. */
    private void run() {
        if (running) {
            rerun = true;
            return;
        }
        running = true;
        try {
            do {
                rerun = false;
                while (!connection.isScriptDone() && !awaitingHandshake && next < steps.size()
                        && execute(steps.get(next))) {
                    next++;
                }
                if (!connection.isScriptDone() && !awaitingHandshake && next >= steps.size()) {
                    cancelTimer();
                    connection.finish(null);
                }
            } while (rerun);
        } finally {
            running = false;
        }
    }

    /** Executes or resumes the current step; {@code true} when it is complete. */
    private boolean execute(ScriptStep step) {
        ChannelHandlerContext context = context();
        if (step instanceof ScriptStep.Send || step instanceof ScriptStep.SendComputed) {
            if (!context.channel().isActive()) {
                fail("the connection is closed");
                return false;
            }
            byte[] bytes = step instanceof ScriptStep.Send send ? send.bytes()
                    : ((ScriptStep.SendComputed) step).text().get().getBytes(StandardCharsets.UTF_8);
            ByteBuf buf = context.alloc().buffer(bytes.length).writeBytes(bytes);
            context.writeAndFlush(buf).addListener((ChannelFutureListener) f -> {
                if (!f.isSuccess()) {
                    fail("write failed: " + f.cause(), f.cause());
                }
            });
            return true;
        } else if (step instanceof ScriptStep.Pause pause) {
            if (timerStep == next) {
                return false;
            }
            int step0 = next;
            arm(step0, pause.duration(), () -> {
                if (next == step0) {
                    next++;
                    run();
                }
            });
            return false;
        } else if (step instanceof ScriptStep.ExpectLine expect) {
            return expectLine(expect);
        } else if (step instanceof ScriptStep.StartTls start) {
            return startTls(context, start);
        } else if (step instanceof ScriptStep.AwaitClose await) {
            if (!context.channel().isActive()) {
                cancelTimer();
                return true;
            }
            armOnce(await.timeout(), () -> "the client did not close the connection within " + await.timeout());
            return false;
        } else if (step instanceof ScriptStep.Close) {
            cancelTimer();
            connection.finish(null);
            context.close();
            return true;
        }
        throw new IllegalStateException("unknown step " + step);
    }

    private boolean expectLine(ScriptStep.ExpectLine expect) {
        int eol = indexOfCrlf();
        if (eol < 0) {
            if (!context().channel().isActive()) {
                fail("the connection closed before a complete line arrived; unconsumed: " + unconsumed());
                return false;
            }
            armOnce(expect.timeout(), () -> "no complete line within " + expect.timeout() + "; unconsumed: "
                    + unconsumed());
            return false;
        }
        String line = new String(pending, 0, eol, StandardCharsets.UTF_8);
        consume(eol + 2);
        cancelTimer();
        connection.recordLine(line);
        if (!expect.matcher().test(line)) {
            fail("expected a line " + expect.description() + " but read " + Transcripts.quote(line));
            return false;
        }
        return true;
    }

    private boolean startTls(ChannelHandlerContext context, ScriptStep.StartTls start) {
        Supplier<ChannelHandler> factory = tlsHandlers;
        if (factory == null) {
            fail("startTls() needs server credentials");
            return false;
        }
        if (connection.tlsStarted()) {
            fail("TLS is already active");
            return false;
        }
        if (pendingLength > 0) {
            fail(pendingLength + " cleartext byte(s) arrived before TLS started: " + unconsumed());
            return false;
        }
        String wire = context.pipeline().context(WireRecorder.class).name();
        context.pipeline().addAfter(wire, TLS_HANDLER_NAME, factory.get());
        connection.markTlsStarted();
        awaitingHandshake = true;
        arm(next, start.timeout(), () -> fail("TLS handshake not completed within " + start.timeout()));
        return true;
    }

    private void fail(String reason) {
        fail(reason, null);
    }

    private void fail(String reason, @Nullable Throwable cause) {
        if (connection.isScriptDone()) {
            return;
        }
        cancelTimer();
        String where = awaitingHandshake ? "TLS handshake"
                : next < steps.size() ? "step " + next + " (" + steps.get(next).describe() + ")"
                : "after the last step";
        connection.finish(new AssertionError("connection #" + connection.index() + ", " + where + ": " + reason,
                cause));
        ChannelHandlerContext context = ctx;
        if (context != null) {
            context.close();
        }
    }

    private void armOnce(Duration timeout, Supplier<String> reason) {
        if (timerStep != next) {
            arm(next, timeout, () -> fail(reason.get()));
        }
    }

    private void arm(int step, Duration delay, Runnable onExpiry) {
        cancelTimer();
        timerStep = step;
        timer = context().executor().schedule(() -> {
            if (timerStep == step) {
                timer = null;
                timerStep = NO_TIMER;
                onExpiry.run();
            }
        }, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void cancelTimer() {
        ScheduledFuture<?> armed = timer;
        timer = null;
        timerStep = NO_TIMER;
        if (armed != null) {
            armed.cancel(false);
        }
    }

    private ChannelHandlerContext context() {
        ChannelHandlerContext context = ctx;
        if (context == null) {
            throw new IllegalStateException("channel not active yet");
        }
        return context;
    }

    private void append(byte[] bytes) {
        if (pendingLength + bytes.length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + bytes.length));
        }
        System.arraycopy(bytes, 0, pending, pendingLength, bytes.length);
        pendingLength += bytes.length;
    }

    private int indexOfCrlf() {
        for (int i = 0; i + 1 < pendingLength; i++) {
            if (pending[i] == '\r' && pending[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void consume(int count) {
        System.arraycopy(pending, count, pending, 0, pendingLength - count);
        pendingLength -= count;
    }

    private String unconsumed() {
        return Transcripts.quote(new String(pending, 0, pendingLength, StandardCharsets.ISO_8859_1));
    }
}
