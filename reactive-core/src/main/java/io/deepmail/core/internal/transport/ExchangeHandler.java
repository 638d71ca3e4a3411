package io.deepmail.core.internal.transport;

import io.deepmail.core.ConnectionException;
import io.deepmail.core.MailClientException;
import io.deepmail.core.MailTimeoutException;
import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.RequestQueueFullException;
import io.deepmail.core.ResponseQueueFullException;
import io.deepmail.core.transport.Correlator;
import io.deepmail.core.transport.ExchangeOptions;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.MessageSizeEstimator;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The exchange engine's channel handler. All state is confined to the channel's event loop: calls
 * from other threads hop onto it, so queue order is send order without a lock. It routes each
 * inbound message through the correlator, holds the barrier of an exclusive exchange, reads only
 * for unmet demand, and fails everything at the first sign that the stream is out of step.
 * {@link #work()} is the single reentrancy-safe step that starts writers and decides whether to
 * read and whether the response timer runs.
 */
final class ExchangeHandler<C, R> extends ChannelDuplexHandler {

    private static final String NOT_INSTALLED = "the exchange engine is not installed in a channel pipeline";

    private final Correlator<R> correlator;
    private final ExchangeOptions options;
    private final ConversationQueue<C, R> queue;
    private final ResponseTimer timer;
    private final ExclusiveBarrier<C, R> barrier = new ExclusiveBarrier<>(this);
    private final ChannelFutureListener writeFailed = f -> {
        if (!f.isSuccess()) {
            fail(f.cause());
        }
    };

    private volatile @Nullable ChannelHandlerContext ctx;
    /** The channel's message size estimator handle, taken once: it is asked for every command written. */
    private volatile MessageSizeEstimator.@Nullable Handle sizes;
    private @Nullable MailClientException failure;
    private boolean closedByClient;
    private @Nullable UnsolicitedReceiver<R> unsolicited;
    /** Responses that arrived before the first exchange was enqueued, e.g. a server greeting. */
    private final ArrayDeque<R> early = new ArrayDeque<>(1);
    private boolean exchangeSeen;
    private boolean readPending;
    private boolean working;
    private boolean missed;

    ExchangeHandler(Correlator<R> correlator, ExchangeOptions options) {
        this.correlator = Objects.requireNonNull(correlator, "correlator");
        this.options = Objects.requireNonNull(options, "options");
        this.queue = new ConversationQueue<>(options.maxPendingConversations(), options.pipelining());
        this.timer = new ResponseTimer(options.responseTimeout(),
                () -> fail(new MailTimeoutException("response", options.responseTimeout())));
    }

    ExchangeOptions options() {
        return options;
    }

    // ---- entry points from any thread ----

    void submit(Conversation<C, R> conversation) {
        if (!onLoop(() -> enqueue(conversation))) {
            conversation.fail(ctx == null ? new IllegalStateException(NOT_INSTALLED) : Failures.closed());
        }
    }

    void attachUnsolicited(UnsolicitedReceiver<R> receiver) {
        if (!onLoop(() -> attach(receiver))) {
            receiver.fail(ctx == null ? new IllegalStateException(NOT_INSTALLED) : Failures.closed());
        }
    }

    Mono<Void> close() {
        return Mono.defer(() -> {
            ChannelHandlerContext context = ctx;
            if (context == null) {
                return Mono.empty();
            }
            onLoop(this::closeByClient);
            return Mono.<Void>create(sink -> context.channel().closeFuture()
                    .addListener((ChannelFutureListener) f -> sink.success()));
        });
    }

    /**
     * Runs the task on the event loop: at once when already there.
     *
     * @return {@code false} if the task was dropped because the engine was never installed or its
     *     event loop has shut down
     */
    boolean onLoop(Runnable task) {
        ChannelHandlerContext context = ctx;
        if (context != null && context.executor().inEventLoop()) {
            task.run();
            return true;
        }
        return later(task);
    }

    /**
     * Runs the task in a new event-loop task, after those already queued, even when called on the loop.
     *
     * @return {@code false} if the engine was never installed or its event loop has shut down
     */
    boolean later(Runnable task) {
        ChannelHandlerContext context = ctx;
        if (context == null) {
            return false;
        }
        try {
            context.executor().execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            // The loop has shut down: its channel is closed and every receiver has been failed.
            return false;
        }
    }

    /**
     * Runs the task in a later round of the event loop, after its next I/O and the timers then due:
     * a zero-delay timer, where a plain task could run in the same round as the one queueing it.
     *
     * @return {@code false} if the engine was never installed or its event loop has shut down
     */
    boolean nextRound(Runnable task) {
        ChannelHandlerContext context = ctx;
        if (context == null) {
            return false;
        }
        try {
            context.executor().schedule(task, 0, TimeUnit.NANOSECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    // ---- collaborators, on the event loop ----

    void conversationCancelled(Conversation<?, R> conversation) {
        if (queue.removeWaiting(conversation)) {
            conversation.releaseUnsent();
        }
    }

    void unsolicitedCancelled(UnsolicitedReceiver<R> receiver) {
        if (unsolicited == receiver) {
            unsolicited = null;
        }
    }

    boolean acceptsWrites() {
        return failure == null;
    }

    boolean isWritable() {
        ChannelHandlerContext context = ctx;
        return context != null && context.channel().isWritable();
    }

    /** The channel's estimate of a command's size in bytes: its readable bytes for a buffer or buffer holder. */
    int sizeOf(C command) {
        return Objects.requireNonNull(sizes).size(command);
    }

    void write(C command) {
        Objects.requireNonNull(ctx).write(command).addListener(writeFailed);
    }

    void flush() {
        Objects.requireNonNull(ctx).flush();
    }

    void commandsDone(Conversation<C, R> conversation) {
        conversation.markCommandsDone();
        queue.writerDone(conversation);
        work();
    }

    void commandsFailed(Conversation<C, R> conversation, Throwable error) {
        conversation.abort(error);
        if (conversation.hasWritten()) {
            fail(new ConnectionException("a command publisher failed after part of its commands were sent;"
                    + " the connection was closed to keep commands and responses in step", error));
        } else {
            queue.dropUnanswered(conversation);
            work();
        }
    }

    /** Starts writers, then adjusts reading and the response timer; safe to call reentrantly. */
    void work() {
        ChannelHandlerContext context = ctx;
        if (context == null) {
            return;
        }
        if (working) {
            missed = true;
            return;
        }
        working = true;
        try {
            do {
                missed = false;
                startWriters(context);
                replayEarly();
                updateReading(context);
            } while (missed);
        } finally {
            working = false;
        }
    }

    // ---- channel events ----

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        ctx = context;
        sizes = context.channel().config().getMessageSizeEstimator().newHandle();
        context.channel().config().setAutoRead(false);
        work();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        fail(new ConnectionException("the exchange engine was removed from the channel pipeline"));
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        context.channel().config().setAutoRead(false);
        context.fireChannelActive();
        work();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        fail(Failures.closed());
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        fail(cause);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        Conversation<C, R> writer = queue.writer();
        if (writer != null && context.channel().isWritable()) {
            writer.resumeWriting();
        }
        context.fireChannelWritabilityChanged();
    }

    /** Reading follows the engine's demand; read requests from handlers after it are ignored. */
    @Override
    public void read(ChannelHandlerContext context) {
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        readPending = false;
        if (context.channel().config().isAutoRead()) {
            context.channel().config().setAutoRead(false);
        }
        work();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (failure != null) {
            Releases.release(message);
            return;
        }
        if (barrier.isHeld()) {
            Releases.release(message);
            fail(new ProtocolViolationException("the server sent data before the stream change of an"
                    + " exclusive exchange (such as STARTTLS) had completed"));
            return;
        }
        timer.activity();
        @SuppressWarnings("unchecked")
        R response = (R) message;
        route(response);
        work();
    }

    // ---- routing ----

    private void route(R response) {
        int target;
        try {
            target = correlator.route(response, queue.routingKeys());
        } catch (RuntimeException e) {
            Releases.release(response);
            fail(e);
            return;
        }
        if (target == Correlator.UNSOLICITED) {
            deliverUnsolicited(response);
        } else if (target >= 0 && target < queue.inFlightCount()) {
            deliver(queue.inFlight(target), response);
        } else if (target == Correlator.UNEXPECTED && !exchangeSeen) {
            // The server speaks first (greeting) and may do so before the protocol has asked for it:
            // keep its responses, bounded, for the first exchange.
            if (early.size() >= options.maxBufferedResponses()) {
                Releases.release(response);
                fail(new ResponseQueueFullException(options.maxBufferedResponses()));
            } else {
                early.add(response);
            }
        } else {
            Releases.release(response);
            fail(target == Correlator.UNEXPECTED
                    ? new ProtocolViolationException("the server sent a response no exchange was waiting for")
                    : new IllegalStateException(correlator + " routed a response to exchange " + target
                            + " of " + queue.inFlightCount() + " in flight"));
        }
    }

    private void deliverUnsolicited(R response) {
        UnsolicitedReceiver<R> receiver = unsolicited;
        if (receiver == null) {
            Releases.release(response);
        } else if (receiver.offer(response)) {
            receiver.drain();
        } else {
            fail(new ResponseQueueFullException(options.maxBufferedResponses()));
        }
    }

    private void deliver(Conversation<C, R> conversation, R response) {
        boolean last;
        try {
            last = conversation.isLast(response);
        } catch (RuntimeException e) {
            Releases.release(response);
            fail(e);
            return;
        }
        if (last) {
            if (queue.lastReceived(conversation)) {
                // The server ended the exchange early: send nothing more of it.
                conversation.stopWriting();
            }
            if (conversation.isExclusive()) {
                barrier.hold(conversation, response);
                return;
            }
        }
        if (!conversation.offer(response)) {
            fail(new ResponseQueueFullException(options.maxBufferedResponses()));
        } else if (last) {
            conversation.complete();
        } else {
            conversation.drain();
        }
    }

    // ---- queue and reading ----

    private void enqueue(Conversation<C, R> conversation) {
        MailClientException failed = failure;
        if (failed != null) {
            conversation.abort(failed);
        } else if (conversation.isCancelled()) {
            conversation.releaseUnsent();
        } else if (queue.isFull()) {
            conversation.abort(new RequestQueueFullException(options.maxPendingConversations()));
        } else {
            queue.add(conversation);
            exchangeSeen = true;
            work();
        }
    }

    private void attach(UnsolicitedReceiver<R> receiver) {
        MailClientException failed = failure;
        UnsolicitedReceiver<R> current = unsolicited;
        if (failed != null) {
            if (closedByClient) {
                receiver.complete();
            } else {
                receiver.fail(failed);
            }
        } else if (current != null && !current.isCancelled()) {
            receiver.fail(new IllegalStateException("unsolicited() allows one subscriber at a time"));
        } else if (!receiver.isCancelled()) {
            unsolicited = receiver;
            work();
        }
    }

    /** Routes the responses kept from before the first exchange, once an exchange is in flight. */
    private void replayEarly() {
        while (!early.isEmpty() && failure == null && !barrier.isHeld() && queue.inFlightCount() > 0) {
            route(early.poll());
        }
    }

    /** Lets queued exchanges start writing, in order, while the ordering rules allow it. */
    private void startWriters(ChannelHandlerContext context) {
        while (failure == null && !barrier.isHeld() && context.channel().isActive()) {
            Conversation<C, R> next = queue.startNext();
            if (next == null) {
                return;
            }
            next.startWriting(this);
        }
    }

    /**
     * Reads while an exchange in flight has unmet demand or is draining after a cancel, or, with
     * nothing in flight, while the unsolicited subscriber has unmet demand. The response timer
     * runs while an exchange that has written its commands is being read for.
     */
    private void updateReading(ChannelHandlerContext context) {
        boolean wanted = false;
        boolean awaiting = false;
        if (failure == null && !barrier.isHeld()) {
            for (int i = 0; i < queue.inFlightCount() && !awaiting; i++) {
                Conversation<C, R> c = queue.inFlight(i);
                if (c.isCancelled() || c.hasUnmetDemand()) {
                    wanted = true;
                    awaiting = c.commandsDone();
                }
            }
            UnsolicitedReceiver<R> receiver = unsolicited;
            if (queue.inFlightCount() == 0 && receiver != null) {
                wanted = receiver.hasUnmetDemand();
            }
        }
        timer.update(context.executor(), awaiting);
        if (wanted && !readPending && context.channel().isActive()) {
            readPending = true;
            context.read();
        }
    }

    // ---- failure ----

    private void closeByClient() {
        if (failure == null) {
            closedByClient = true;
            fail(Failures.closedByClient());
        }
    }

    /** Fails every pending and future exchange with the typed root of {@code cause}, then closes. */
    void fail(Throwable cause) {
        if (failure != null) {
            return;
        }
        MailClientException failed = Failures.toMailException(cause);
        failure = failed;
        while (!early.isEmpty()) {
            Releases.release(early.poll());
        }
        timer.stop();
        barrier.abort(failed);
        for (Conversation<C, R> c : queue.clear()) {
            c.abort(failed);
        }
        UnsolicitedReceiver<R> receiver = unsolicited;
        unsolicited = null;
        if (receiver != null) {
            if (closedByClient) {
                receiver.complete();
            } else {
                receiver.fail(failed);
            }
        }
        ChannelHandlerContext context = ctx;
        if (context != null) {
            context.channel().close();
        }
    }
}
