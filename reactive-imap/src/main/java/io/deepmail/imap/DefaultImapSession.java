package io.deepmail.imap;

import io.deepmail.core.Account;
import io.deepmail.core.ConnectionException;
import io.deepmail.core.ProtocolViolationException;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.imap.command.Append;
import io.deepmail.imap.command.Capability;
import io.deepmail.imap.command.Close;
import io.deepmail.imap.command.Copy;
import io.deepmail.imap.command.Create;
import io.deepmail.imap.command.Delete;
import io.deepmail.imap.command.Enable;
import io.deepmail.imap.command.Examine;
import io.deepmail.imap.command.Expunge;
import io.deepmail.imap.command.Fetch;
import io.deepmail.imap.command.Id;
import io.deepmail.imap.command.ImapCommand;
import io.deepmail.imap.command.ListMailboxes;
import io.deepmail.imap.command.Logout;
import io.deepmail.imap.command.Move;
import io.deepmail.imap.command.Namespace;
import io.deepmail.imap.command.Noop;
import io.deepmail.imap.command.Search;
import io.deepmail.imap.command.Select;
import io.deepmail.imap.command.SelectOptions;
import io.deepmail.imap.command.Status;
import io.deepmail.imap.command.Store;
import io.deepmail.imap.command.UidExpunge;
import io.deepmail.imap.command.Unselect;
import io.deepmail.imap.internal.ImapChannel;
import io.deepmail.imap.response.CapabilityData;
import io.deepmail.imap.response.ESearchData;
import io.deepmail.imap.response.EnabledData;
import io.deepmail.imap.response.ExistsData;
import io.deepmail.imap.response.ExpungeData;
import io.deepmail.imap.response.FetchChunk;
import io.deepmail.imap.response.FetchData;
import io.deepmail.imap.response.FetchResult;
import io.deepmail.imap.response.FlagsData;
import io.deepmail.imap.response.IdData;
import io.deepmail.imap.response.ImapResponse;
import io.deepmail.imap.response.ListData;
import io.deepmail.imap.response.NamespaceData;
import io.deepmail.imap.response.ResponseCode;
import io.deepmail.imap.response.SearchData;
import io.deepmail.imap.response.SectionData;
import io.deepmail.imap.response.SequenceSet;
import io.deepmail.imap.response.StatusData;
import io.deepmail.imap.response.StatusResponse;
import io.deepmail.imap.response.Tagged;
import io.deepmail.imap.response.Untagged;
import io.deepmail.imap.response.UntaggedStatus;
import io.deepmail.imap.response.VanishedData;
import io.netty.buffer.Unpooled;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The session behind {@link ImapSession}: maps commands to {@link ImapChannel} exchanges, typed
 * results and typed errors, and keeps the connection state.
 */
final class DefaultImapSession implements ImapSession {

    private final ImapChannel channel;
    private final Account account;
    private final ImapClientOptions options;
    private final Sinks.Many<Untagged> updates = Sinks.many().multicast().directBestEffort();
    private volatile ImapState state = ImapState.NOT_AUTHENTICATED;
    private volatile Set<String> enabled = Set.of();

    DefaultImapSession(ImapChannel channel, Account account, ImapClientOptions options) {
        this.channel = channel;
        this.account = account;
        this.options = options;
        // Subscribed only once the session is established inside TLS: nothing from before reaches users.
        channel.unsolicited().subscribe(this::unsolicited, e -> {
            boolean expected = state == ImapState.LOGOUT; // after BYE or LOGOUT the server closes
            state = ImapState.LOGOUT;
            if (expected) {
                updates.tryEmitComplete();
            } else {
                updates.tryEmitError(e);
            }
        }, () -> {
            state = ImapState.LOGOUT;
            updates.tryEmitComplete();
        });
    }

    ImapChannel channel() {
        return channel;
    }

    private void unsolicited(Untagged data) {
        if (data instanceof UntaggedStatus s && s.status().kind() == StatusResponse.Kind.BYE) {
            state = ImapState.LOGOUT;
        }
        if (data instanceof FetchChunk c) {
            c.release();
            return;
        }
        updates.tryEmitNext(data);
    }

    /** CAPABILITY, storing the result in the channel. */
    static Mono<Set<String>> capability(ImapChannel channel) {
        return completed(channel.execute(new Capability()), "CAPABILITY")
                .ofType(CapabilityData.class).map(CapabilityData::capabilities)
                .last(Set.of()) // a reply without a list offers nothing: no STARTTLS, no AUTH= (fails closed)
                .doOnNext(channel::capabilities);
    }

    /** The command's data, failing with the typed error for NO, BAD or BYE; the tagged OK is emitted last. */
    static Flux<ImapResponse> completed(Flux<ImapResponse> responses, String command) {
        return responses.handle((r, sink) -> {
            if (r instanceof Tagged t && !t.isOk()) {
                sink.error(ExceptionFactory.failed(command, t.status()));
            } else {
                sink.next(r);
            }
        });
    }

    private Flux<ImapResponse> run(ImapCommand command) {
        return completed(channel.execute(command), command.verb());
    }

    @Override
    public ImapState state() {
        return state;
    }

    @Override
    public Set<String> capabilities() {
        return channel.capabilities();
    }

    @Override
    public SessionSecurity security() {
        return channel.connection().security().orElseThrow();
    }

    @Override
    public Mono<Void> authenticate() {
        return account.credentials().credentials()
                .flatMap(credentials -> Authenticator.run(channel, account, credentials, options.saslMechanisms()))
                .flatMap(ok -> {
                    state = ImapState.AUTHENTICATED;
                    ResponseCode code = ok.status().code();
                    if (code != null && code.name().equals(ResponseCode.CAPABILITY)) {
                        channel.capabilities(code.words());
                        return Mono.<Void>empty();
                    }
                    return capability(channel).then();
                });
    }

    @Override
    public Set<String> enabled() {
        return enabled;
    }

    private Mono<Void> requires(String command, String... capabilities) {
        Set<String> caps = capabilities();
        for (String c : capabilities) {
            if (caps.contains(c)) {
                return Mono.empty();
            }
        }
        return Mono.error(new UnsupportedOperationException("the server offers none of " + List.of(capabilities)
                + ", which " + command + " needs"));
    }

    @Override
    public Mono<Map<String, String>> id(Map<String, String> clientFields) {
        Id command = new Id(clientFields);
        return requires("ID", "ID").then(run(command).ofType(IdData.class).map(IdData::parameters)
                .last(Map.of()));
    }

    @Override
    public Mono<Set<String>> enable(String... extensions) {
        return Mono.defer(() -> {
            Set<String> caps = capabilities();
            List<String> offered = new ArrayList<>();
            for (String e : extensions) {
                String name = e.toUpperCase(Locale.ROOT);
                if (caps.contains(name) && !offered.contains(name)) {
                    offered.add(name);
                }
            }
            if (offered.isEmpty() || !caps.contains("ENABLE") && !caps.contains("IMAP4REV2")) {
                return Mono.just(enabled);
            }
            return run(new Enable(offered)).ofType(EnabledData.class)
                    .concatMapIterable(EnabledData::capabilities).collect(Collectors.toSet())
                    .map(confirmed -> {
                        Set<String> all = new HashSet<>(enabled);
                        all.addAll(confirmed);
                        enabled = Set.copyOf(all);
                        if (all.contains("UTF8=ACCEPT") || all.contains("IMAP4REV2")) {
                            channel.utf8Enabled();
                        }
                        return enabled;
                    });
        });
    }

    @Override
    public Mono<NamespaceData> namespace() {
        return requires("NAMESPACE", "NAMESPACE", "IMAP4REV2")
                .then(run(new Namespace()).ofType(NamespaceData.class).last());
    }

    @Override
    public Mono<Void> unselect() {
        return requires("UNSELECT", "UNSELECT", "IMAP4REV2").then(run(new Unselect()).then())
                .doOnSuccess(v -> state = ImapState.AUTHENTICATED);
    }

    @Override
    public Mono<Void> closeMailbox() {
        return run(new Close()).then().doOnSuccess(v -> state = ImapState.AUTHENTICATED);
    }

    @Override
    public Mono<Set<String>> capability() {
        return capability(channel);
    }

    @Override
    public Flux<ListData> list(String reference, String pattern, boolean specialUse) {
        return run(new ListMailboxes(reference, pattern, specialUse && capabilities().contains("SPECIAL-USE")))
                .ofType(ListData.class);
    }

    @Override
    public Mono<StatusData> status(String mailbox, String... items) {
        return run(new Status(mailbox, List.of(items))).ofType(StatusData.class).last();
    }

    @Override
    public Mono<MailboxState> select(String mailbox) {
        return select(mailbox, SelectOptions.NONE);
    }

    @Override
    public Mono<MailboxState> examine(String mailbox) {
        return examine(mailbox, SelectOptions.NONE);
    }

    @Override
    public Mono<MailboxState> select(String mailbox, SelectOptions options) {
        return modSeqs("SELECT", options).then(open(new Select(mailbox, options), mailbox, false));
    }

    @Override
    public Mono<MailboxState> examine(String mailbox, SelectOptions options) {
        return modSeqs("EXAMINE", options).then(open(new Examine(mailbox, options), mailbox, true));
    }

    /** Checks that the server offers what {@code options} need, enabling QRESYNC first if it must (RFC 7162 §3.2.3). */
    private Mono<Void> modSeqs(String command, SelectOptions options) {
        if (options.qresync() != null) {
            return qresyncEnabled(command + " (QRESYNC)");
        }
        return options.condstore() ? requires(command + " (CONDSTORE)", "CONDSTORE", "QRESYNC") : Mono.empty();
    }

    private Mono<Void> qresyncEnabled(String command) {
        return Mono.defer(() -> {
            if (enabled.contains("QRESYNC")) {
                return Mono.empty();
            }
            return requires(command, "QRESYNC").then(enable("QRESYNC")).flatMap(all -> all.contains("QRESYNC")
                    ? Mono.empty() : Mono.error(new UnsupportedOperationException("the server did not enable QRESYNC")));
        });
    }

    private Mono<MailboxState> open(ImapCommand command, String mailbox, boolean examine) {
        return run(command).collectList().map(responses -> {
            long exists = 0;
            long uidValidity = -1;
            long uidNext = -1;
            long modSeq = -1;
            boolean noModSeq = false;
            boolean readOnly = examine;
            List<String> flags = List.of();
            List<String> permanent = List.of();
            List<VanishedData> vanished = new ArrayList<>();
            List<FetchData> changed = new ArrayList<>();
            for (ImapResponse r : responses) {
                if (r instanceof ExistsData e) {
                    exists = e.count();
                } else if (r instanceof FlagsData f) {
                    flags = f.flags();
                } else if (r instanceof VanishedData v) {
                    vanished.add(v);
                } else if (r instanceof FetchData d) {
                    changed.add(d);
                } else if (r instanceof UntaggedStatus s && s.status().code() != null) {
                    ResponseCode c = s.status().code();
                    switch (c.name()) {
                        case ResponseCode.UIDVALIDITY -> uidValidity = c.number();
                        case ResponseCode.UIDNEXT -> uidNext = c.number();
                        case ResponseCode.HIGHESTMODSEQ -> modSeq = c.number();
                        case ResponseCode.NOMODSEQ -> noModSeq = true;
                        case ResponseCode.PERMANENTFLAGS -> permanent = List.of(c.argument().replaceAll("[()]", "")
                                .strip().split(" +"));
                        default -> {
                            // other codes (ALERT, UNSEEN, ...) are not part of the state
                        }
                    }
                } else if (r instanceof Tagged t) {
                    readOnly = t.status().hasCode(ResponseCode.READ_ONLY) || examine;
                }
            }
            state = ImapState.SELECTED;
            return new MailboxState(mailbox, readOnly, exists, flags, permanent, uidValidity, uidNext, modSeq, noModSeq,
                    vanished, changed);
        });
    }

    @Override
    public Mono<Void> create(String mailbox) {
        return run(new Create(mailbox)).then();
    }

    @Override
    public Mono<Void> delete(String mailbox) {
        return run(new Delete(mailbox)).then();
    }

    @Override
    public Flux<FetchResult> fetch(String sequenceSet, boolean uid, String... items) {
        return run(new Fetch(sequenceSet, List.of(items), uid))
                .concatMapIterable(DefaultImapSession::fetchResults)
                .doOnDiscard(FetchChunk.class, ReferenceCountUtil::safeRelease);
    }

    @Override
    public Flux<Untagged> fetch(Fetch command) {
        Mono<Void> needs = command.vanished() ? qresyncEnabled("FETCH (VANISHED)")
                : command.changedSince() >= 0 ? requires("FETCH (CHANGEDSINCE)", "CONDSTORE", "QRESYNC") : Mono.empty();
        return needs.thenMany(run(command))
                .concatMapIterable(r -> r instanceof VanishedData v ? List.<Untagged>of(v)
                        : fetchResults(r).stream().<Untagged>map(Untagged.class::cast).toList())
                .doOnDiscard(FetchChunk.class, ReferenceCountUtil::safeRelease);
    }

    /** Chunks pass through; a FetchData is preceded by a chunk for each section it carries inline. */
    private static List<FetchResult> fetchResults(ImapResponse r) {
        if (r instanceof FetchChunk c) {
            return List.of(c);
        }
        if (!(r instanceof FetchData d)) {
            return List.of();
        }
        List<FetchResult> out = new ArrayList<>(1);
        for (SectionData s : d.sections()) {
            byte[] inline = s.inline();
            if (inline != null) {
                out.add(new FetchChunk(d.sequence(), s.item(), s.origin(), 0, Unpooled.wrappedBuffer(inline), true));
            }
        }
        out.add(d);
        return out;
    }

    @Override
    public Mono<List<Long>> search(String criteria, boolean uid) {
        long limit = options.maxResponseSize() / Long.BYTES;
        return run(new Search(criteria, uid)).concatMapIterable(r -> {
            if (r instanceof SearchData d) {
                return d.numbers();
            }
            if (r instanceof ESearchData e && e.all() != null) {
                return expand(e.all(), limit); // IMAP4rev2 answers SEARCH with ESEARCH
            }
            return List.of();
        }).collectList();
    }

    @Override
    public Mono<ESearchData> esearch(String criteria, boolean uid, String... returnOptions) {
        return requires("SEARCH RETURN", "ESEARCH", "IMAP4REV2")
                .then(run(new Search(criteria, uid, List.of(returnOptions))).ofType(ESearchData.class)
                        .last(new ESearchData(null, uid, -1, -1, -1, null, Map.of())));
    }

    /** A sequence set such as {@code 1:3,9} as numbers, refusing more than {@code limit} of them. */
    static List<Long> expand(String set, long limit) {
        List<Long> out = new ArrayList<>();
        for (String part : set.split(",")) {
            int colon = part.indexOf(':');
            long from = Long.parseLong(colon < 0 ? part : part.substring(0, colon));
            long to = colon < 0 ? from : Long.parseLong(part.substring(colon + 1));
            if (from > to) {
                long t = from;
                from = to;
                to = t;
            }
            if (to - from + out.size() >= limit) {
                throw new ProtocolViolationException("the server returned more than " + limit
                        + " search results in one sequence set");
            }
            for (long n = from; n <= to; n++) {
                out.add(n);
            }
        }
        return out;
    }

    @Override
    public Flux<FetchData> store(Store command) {
        return run(command).ofType(FetchData.class);
    }

    @Override
    public Mono<StoreResult> conditionalStore(Store command) {
        if (command.unchangedSince() < 0) {
            return Mono.error(new IllegalArgumentException("a conditional STORE needs UNCHANGEDSINCE"));
        }
        return requires("STORE (UNCHANGEDSINCE)", "CONDSTORE", "QRESYNC").then(run(command).collectList().map(all -> {
            List<FetchData> updated = new ArrayList<>();
            SequenceSet modified = null;
            for (ImapResponse r : all) {
                if (r instanceof FetchData d) {
                    updated.add(d);
                } else if (r instanceof Tagged t && t.status().hasCode(ResponseCode.MODIFIED)) {
                    modified = modifiedSet(t.status().code().argument());
                }
            }
            return new StoreResult(updated, modified);
        }));
    }

    private static SequenceSet modifiedSet(String argument) {
        try {
            return SequenceSet.parse(argument.strip());
        } catch (IllegalArgumentException e) {
            throw new ProtocolViolationException("malformed IMAP response: a MODIFIED code without a sequence set", e);
        }
    }

    @Override
    public Mono<Void> copy(String sequenceSet, String mailbox, boolean uid) {
        return run(new Copy(sequenceSet, mailbox, uid)).then();
    }

    @Override
    public Mono<Void> move(String sequenceSet, String mailbox, boolean uid) {
        return run(new Move(sequenceSet, mailbox, uid)).then();
    }

    @Override
    public Flux<Long> expunge() {
        return run(new Expunge()).ofType(ExpungeData.class).map(ExpungeData::sequence);
    }

    @Override
    public Flux<Long> uidExpunge(String uidSet) {
        UidExpunge command = new UidExpunge(uidSet);
        return requires("UID EXPUNGE", "UIDPLUS", "IMAP4REV2")
                .thenMany(run(command).ofType(ExpungeData.class).map(ExpungeData::sequence));
    }

    @Override
    public Mono<Void> append(String mailbox, List<String> flags, byte[] message) {
        return append(new Append(mailbox, flags, message.length, Mono.fromCallable(() -> Unpooled.wrappedBuffer(message)),
                false));
    }

    @Override
    public Mono<Void> append(Append command) {
        return (command.binary() ? requires("APPEND with literal8", "BINARY") : Mono.<Void>empty())
                .then(run(command).then());
    }

    @Override
    public Flux<Untagged> idle() {
        if (!capabilities().contains("IDLE")) {
            return Flux.error(new UnsupportedOperationException("the server does not offer IDLE"));
        }
        return IdleMetrics.recorded(channel.metrics(), Flux.defer(() -> {
            Sinks.Empty<Void> stop = Sinks.empty();
            Mono<Void> done = Mono.firstWithSignal(stop.asMono(), Mono.delay(options.idleRefresh()).then());
            return completed(channel.idle(done), "IDLE")
                    .doOnCancel(stop::tryEmitEmpty)
                    .ofType(Untagged.class);
        })).doOnDiscard(FetchChunk.class, ReferenceCountUtil::safeRelease);
    }

    @Override
    public Mono<Void> noop() {
        return run(new Noop()).then();
    }

    @Override
    public Flux<String> alerts() {
        return channel.alerts();
    }

    @Override
    public Flux<Untagged> updates() {
        return updates.asFlux();
    }

    @Override
    public Mono<Void> logout() {
        return Mono.fromRunnable(() -> state = ImapState.LOGOUT)
                .then(run(new Logout()).then())
                .onErrorResume(ConnectionException.class, e -> Mono.empty())
                .then(Mono.defer(channel::close));
    }

    @Override
    public Mono<Void> close() {
        state = ImapState.LOGOUT;
        return channel.close();
    }

    @Override
    public String toString() {
        return "ImapSession[" + account + ", " + state + ", " + channel + "]";
    }
}
