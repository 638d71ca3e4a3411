package io.deepmail.pop3.internal;

import io.deepmail.core.Account;
import io.deepmail.core.SessionObserver;
import io.deepmail.core.TlsRequiredException;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.transport.MailConnection;
import io.deepmail.pop3.Pop3AuthMethod;
import io.deepmail.pop3.Pop3Capabilities;
import io.deepmail.pop3.Pop3ListEntry;
import io.deepmail.pop3.Pop3Session;
import io.deepmail.pop3.Pop3Stat;
import io.deepmail.pop3.Pop3States;
import io.deepmail.pop3.Pop3UidlEntry;
import io.deepmail.pop3.internal.codec.Pop3Command;
import io.deepmail.pop3.response.Ok;
import io.netty.buffer.ByteBuf;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The session the dialect establishes: each operation is one command on the shared channel. */
final class DefaultPop3Session implements Pop3Session {

    private final Pop3Channel channel;
    private final Account account;
    private final Ok greeting;
    private final Pop3Capabilities capabilities;
    private final SessionObserver observer;

    DefaultPop3Session(Pop3Channel channel, Account account, Ok greeting, Pop3Capabilities capabilities,
            SessionObserver observer) {
        this.channel = channel;
        this.account = account;
        this.greeting = greeting;
        this.capabilities = capabilities;
        this.observer = observer;
    }

    MailConnection connection() {
        return channel.connection();
    }

    @Override
    public SessionSecurity security() {
        return channel.connection().security().orElseThrow(() -> new TlsRequiredException(
                "the session has no security record"));
    }

    @Override
    public Ok greeting() {
        return greeting;
    }

    @Override
    public Pop3Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public Mono<Void> authenticate(Pop3AuthMethod method) {
        return Mono.defer(() -> AuthFlow.run(channel, account, security(), greeting, capabilities, method))
                .doOnSuccess(v -> observer.onStateChange(channel.connection().endpoint(),
                        SessionObserver.State.AUTHENTICATED));
    }

    @Override
    public Mono<Pop3Stat> stat() {
        return channel.single(Pop3Command.stat()).map(ok -> Listings.stat(ok.text()));
    }

    @Override
    public Mono<List<Pop3ListEntry>> list() {
        return channel.lines(Pop3Command.list()).map(Listings::list);
    }

    @Override
    public Mono<Pop3ListEntry> list(int message) {
        return Mono.defer(() -> channel.single(Pop3Command.list(message)).map(ok -> Listings.listEntry(ok.text())));
    }

    @Override
    public Mono<List<Pop3UidlEntry>> uidl() {
        return channel.lines(Pop3Command.uidl()).map(Listings::uidl);
    }

    @Override
    public Mono<Pop3UidlEntry> uidl(int message) {
        return Mono.defer(() -> channel.single(Pop3Command.uidl(message)).map(ok -> Listings.uidlEntry(ok.text())));
    }

    @Override
    public Flux<ByteBuf> retr(int message) {
        return Flux.defer(() -> channel.data(Pop3Command.retr(message)));
    }

    @Override
    public Flux<ByteBuf> top(int message, int lines) {
        return Flux.defer(() -> channel.data(Pop3Command.top(message, lines)));
    }

    @Override
    public Mono<Void> dele(int message) {
        return Mono.defer(() -> channel.single(Pop3Command.dele(message))).then();
    }

    @Override
    public Mono<Void> rset() {
        return channel.single(Pop3Command.rset()).then();
    }

    @Override
    public Mono<Void> noop() {
        return channel.single(Pop3Command.noop()).then();
    }

    /**
     * {@code QUIT}, then close: after {@code +OK} (the UPDATE state) and after {@code -ERR} alike,
     * since the server ends the session either way (RFC 1939 §6); the refusal is reported after the
     * close.
     */
    @Override
    public Mono<Void> quit() {
        return channel.single(Pop3Command.quit())
                .doOnNext(ok -> observer.onStateChange(channel.connection().endpoint(), Pop3States.UPDATE))
                .then(channel.close())
                .onErrorResume(e -> channel.close().then(Mono.error(e)));
    }

    @Override
    public Mono<Void> close() {
        return channel.close();
    }

    @Override
    public String toString() {
        return "Pop3Session[" + channel.connection().endpoint() + "]";
    }
}
