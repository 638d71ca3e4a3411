package io.deepmail.core.internal.transport;

import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The ordered exchanges of one connection and the rules for when the next may write. Exchanges
 * wait in queue order, then move in flight, oldest first, when they start writing; they leave when
 * their last response arrives. One exchange writes at a time. Without pipelining, and always for an
 * exclusive exchange, the next starts only when nothing is in flight; nothing starts while an
 * exclusive exchange is in flight. Event loop only.
 */
final class ConversationQueue<C, R> {

    /** Starts small: most sessions queue one or two exchanges at a time, and idle ones none. */
    private final ArrayDeque<Conversation<C, R>> waiting = new ArrayDeque<>(2);
    private final List<Conversation<C, R>> inFlight = new ArrayList<>();
    private final List<@Nullable Object> routingKeys = new RoutingKeys();
    private final int capacity;
    private final boolean pipelining;
    private @Nullable Conversation<C, R> writer;
    private boolean exclusiveInFlight;

    ConversationQueue(int capacity, boolean pipelining) {
        this.capacity = capacity;
        this.pipelining = pipelining;
    }

    /** Whether the queued and in-flight exchanges together reached the bound. */
    boolean isFull() {
        return waiting.size() + inFlight.size() >= capacity;
    }

    void add(Conversation<C, R> conversation) {
        waiting.add(conversation);
    }

    /** Removes an exchange that has not started writing; {@code false} if it had. */
    boolean removeWaiting(Conversation<?, R> conversation) {
        return waiting.remove(conversation);
    }

    /**
     * Moves the next exchange allowed to write in flight and makes it the writer. Exchanges
     * cancelled while waiting are dropped on the way.
     *
     * @return the exchange to start, or {@code null} if none may start now
     */
    @Nullable Conversation<C, R> startNext() {
        while (writer == null && !exclusiveInFlight) {
            Conversation<C, R> next = waiting.peek();
            if (next == null) {
                return null;
            }
            if (next.isCancelled()) {
                waiting.poll();
                next.releaseUnsent();
                continue;
            }
            if (!inFlight.isEmpty() && (!pipelining || next.isExclusive())) {
                return null;
            }
            waiting.poll();
            inFlight.add(next);
            exclusiveInFlight = next.isExclusive();
            writer = next;
            return next;
        }
        return null;
    }

    @Nullable Conversation<C, R> writer() {
        return writer;
    }

    /** The exchange has written all its commands; the next may write. */
    void writerDone(Conversation<C, R> conversation) {
        if (writer == conversation) {
            writer = null;
        }
    }

    /** Drops an exchange none of whose commands reached the server: it is owed no response. */
    void dropUnanswered(Conversation<C, R> conversation) {
        writerDone(conversation);
        inFlight.remove(conversation);
        if (conversation.isExclusive()) {
            exclusiveInFlight = false;
        }
    }

    /**
     * The exchange's last response has arrived: it leaves the flight.
     *
     * @return {@code true} if it was still writing, so the rest of its commands must not be sent
     */
    boolean lastReceived(Conversation<C, R> conversation) {
        inFlight.remove(conversation);
        if (conversation.isExclusive()) {
            exclusiveInFlight = false;
        }
        if (writer == conversation) {
            writer = null;
            return true;
        }
        return false;
    }

    int inFlightCount() {
        return inFlight.size();
    }

    Conversation<C, R> inFlight(int index) {
        return inFlight.get(index);
    }

    /** The routing keys of the exchanges in flight, oldest first, as a live read-only view. */
    List<@Nullable Object> routingKeys() {
        return routingKeys;
    }

    /** Empties the queue, returning every exchange it held, in flight first. */
    List<Conversation<C, R>> clear() {
        List<Conversation<C, R>> all = new ArrayList<>(inFlight);
        all.addAll(waiting);
        inFlight.clear();
        waiting.clear();
        writer = null;
        exclusiveInFlight = false;
        return all;
    }

    private final class RoutingKeys extends AbstractList<@Nullable Object> {

        @Override
        public @Nullable Object get(int index) {
            return inFlight.get(index).routingKey();
        }

        @Override
        public int size() {
            return inFlight.size();
        }
    }
}
