package io.deepmail.imap;

import io.deepmail.core.security.SessionSecurity;
import io.deepmail.imap.command.Append;
import io.deepmail.imap.command.Fetch;
import io.deepmail.imap.command.SelectOptions;
import io.deepmail.imap.command.Store;
import io.deepmail.imap.response.ESearchData;
import io.deepmail.imap.response.FetchData;
import io.deepmail.imap.response.FetchResult;
import io.deepmail.imap.response.ListData;
import io.deepmail.imap.response.NamespaceData;
import io.deepmail.imap.response.StatusData;
import io.deepmail.imap.response.Untagged;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One IMAP session on a connection that passed the TLS, identity and latch checks. Methods return
 * cold publishers: each subscription sends the command once. A NO, BAD or BYE completion fails the
 * publisher with an {@link ImapStatusException}. Independent commands may be pipelined.
 *
 * @since 0.1
 */
public interface ImapSession {

    /**
     * The connection state.
     *
     * @return the state
     */
    ImapState state();

    /**
     * The capabilities learned inside TLS (never those from before STARTTLS), upper case.
     *
     * @return the capabilities
     */
    Set<String> capabilities();

    /**
     * What protects the session.
     *
     * @return the security record
     */
    SessionSecurity security();

    /**
     * Authenticates with the account's credentials, asked for now from its provider: AUTHENTICATE
     * with the mechanism the shared SASL layer selects from the server's {@code AUTH=} list and
     * {@link ImapClientOptions#saslMechanisms()} (by default SCRAM-SHA-256, PLAIN, LOGIN for
     * passwords, OAUTHBEARER, XOAUTH2 for tokens), with SASL-IR when offered. SCRAM's server
     * signature is verified on success. The LOGIN command is used only when no advertised mechanism
     * fits, and never while LOGINDISABLED is advertised (TLS-14).
     *
     * @return completes when authenticated
     */
    Mono<Void> authenticate();

    /**
     * The extensions enabled on this session by {@link #enable}, upper case.
     *
     * @return the enabled set, empty until ENABLE succeeded
     */
    Set<String> enabled();

    /**
     * ID (RFC 2971): sends the client's fields and returns the server's. Needs the {@code ID}
     * capability. What the server says is unauthenticated self-description, not a verified fact.
     *
     * @param clientFields the client's fields, for example {@code name} and {@code version}; empty
     *     to send {@code NIL} and reveal nothing
     * @return the server's fields, empty when it answered {@code NIL}
     */
    Mono<Map<String, String>> id(Map<String, String> clientFields);

    /**
     * ENABLE (RFC 5161) for those of {@code extensions} the server offers, for example
     * {@code IMAP4rev2}, {@code CONDSTORE}, {@code QRESYNC}, {@code UTF8=ACCEPT}; the ones it offers
     * none of are not sent. The set the server confirms is recorded in {@link #enabled()}. Under
     * IMAP4rev2, {@link #search} reads ESEARCH results; under QRESYNC the server reports expunges
     * as {@code VANISHED}, which arrives as {@link io.deepmail.imap.response.VanishedData}. Once
     * {@code UTF8=ACCEPT} (RFC 6855) or IMAP4rev2 is enabled, mailbox names are sent and read as
     * UTF-8 instead of modified UTF-7.
     *
     * @param extensions the extensions wanted
     * @return every extension enabled on the session so far
     */
    Mono<Set<String>> enable(String... extensions);

    /**
     * NAMESPACE (RFC 2342, IMAP4rev2).
     *
     * @return the personal, other users' and shared name spaces
     */
    Mono<NamespaceData> namespace();

    /**
     * UNSELECT (RFC 3691, IMAP4rev2): leaves the selected mailbox without expunging.
     *
     * @return completion, with the session back in {@link ImapState#AUTHENTICATED}
     */
    Mono<Void> unselect();

    /**
     * CLOSE: expunges the messages marked {@code \Deleted} (unless the mailbox is read-only) and
     * leaves the selected mailbox. Not to be confused with {@link #close()}, which ends the
     * connection.
     *
     * @return completion, with the session back in {@link ImapState#AUTHENTICATED}
     */
    Mono<Void> closeMailbox();

    /**
     * Asks for the capabilities again.
     *
     * @return the capabilities
     */
    Mono<Set<String>> capability();

    /**
     * LIST.
     *
     * @param reference the reference, usually empty
     * @param pattern the pattern, for example {@code "*"}
     * @param specialUse whether to ask for special-use attributes (RFC 6154) when offered
     * @return the mailboxes
     */
    Flux<ListData> list(String reference, String pattern, boolean specialUse);

    /**
     * STATUS.
     *
     * @param mailbox the mailbox
     * @param items for example {@code MESSAGES}, {@code UIDNEXT}
     * @return the status
     */
    Mono<StatusData> status(String mailbox, String... items);

    /**
     * SELECT.
     *
     * @param mailbox the mailbox
     * @return the mailbox state
     */
    Mono<MailboxState> select(String mailbox);

    /**
     * EXAMINE (read-only).
     *
     * @param mailbox the mailbox
     * @return the mailbox state
     */
    Mono<MailboxState> examine(String mailbox);

    /**
     * SELECT with CONDSTORE or QRESYNC parameters (RFC 7162). {@code (CONDSTORE)} needs the
     * {@code CONDSTORE} or {@code QRESYNC} capability; QRESYNC parameters need {@code QRESYNC},
     * which is enabled first when it is offered and not yet enabled. With QRESYNC, the messages
     * changed and the UIDs expunged since the given mod-sequence are in the returned state.
     *
     * @param mailbox the mailbox
     * @param options the parameters
     * @return the mailbox state, with HIGHESTMODSEQ or NOMODSEQ
     */
    Mono<MailboxState> select(String mailbox, SelectOptions options);

    /**
     * EXAMINE with CONDSTORE or QRESYNC parameters, as {@link #select(String, SelectOptions)}.
     *
     * @param mailbox the mailbox
     * @param options the parameters
     * @return the mailbox state
     */
    Mono<MailboxState> examine(String mailbox, SelectOptions options);

    /**
     * CREATE.
     *
     * @param mailbox the mailbox
     * @return completion
     */
    Mono<Void> create(String mailbox);

    /**
     * DELETE.
     *
     * @param mailbox the mailbox
     * @return completion
     */
    Mono<Void> delete(String mailbox);

    /**
     * FETCH or UID FETCH. Body sections are emitted as {@link io.deepmail.imap.response.FetchChunk}s
     * the receiver must release, before the message's {@link FetchData}. Cancelling keeps the
     * session usable: the rest of the response is read and dropped.
     *
     * @param sequenceSet the set
     * @param uid whether the set holds UIDs
     * @param items the items
     * @return the chunks and data
     */
    Flux<FetchResult> fetch(String sequenceSet, boolean uid, String... items);

    /**
     * FETCH or UID FETCH with modifiers: {@code CHANGEDSINCE} (needs CONDSTORE or QRESYNC) and
     * {@code VANISHED} (needs QRESYNC enabled). Emits, in the server's order,
     * {@link io.deepmail.imap.response.FetchChunk}s (the receiver releases them),
     * {@link FetchData} and, with {@code VANISHED}, {@link io.deepmail.imap.response.VanishedData}
     * with {@code earlier} set. {@code BINARY[...]} sections (RFC 3516) stream like body sections.
     *
     * @param command the command
     * @return the chunks, data and vanished UIDs
     */
    Flux<Untagged> fetch(Fetch command);

    /**
     * SEARCH or UID SEARCH.
     *
     * @param criteria the criteria in IMAP syntax
     * @param uid whether to return UIDs
     * @return the matches
     */
    Mono<List<Long>> search(String criteria, boolean uid);

    /**
     * SEARCH or UID SEARCH with ESEARCH result options (RFC 4731, IMAP4rev2), for example
     * {@code MIN}, {@code MAX}, {@code COUNT}, {@code ALL}. Needs {@code ESEARCH} or IMAP4rev2.
     *
     * @param criteria the criteria in IMAP syntax
     * @param uid whether to return UIDs
     * @param returnOptions the result options; none means {@code ALL}
     * @return the result; when nothing matched, MIN, MAX and ALL are absent and COUNT is 0 if asked
     */
    Mono<ESearchData> esearch(String criteria, boolean uid, String... returnOptions);

    /**
     * STORE or UID STORE.
     *
     * @param command the store command
     * @return the updated flags the server reported
     */
    Flux<FetchData> store(Store command);

    /**
     * STORE or UID STORE with {@code UNCHANGEDSINCE} (RFC 7162 §3.1.3), reporting the messages left
     * alone because they changed meanwhile. Needs CONDSTORE or QRESYNC.
     *
     * @param command the store command, with {@link Store#unchangedSince()} set
     * @return the updated messages and the {@code MODIFIED} set
     */
    Mono<StoreResult> conditionalStore(Store command);

    /**
     * COPY or UID COPY.
     *
     * @param sequenceSet the set
     * @param mailbox the destination
     * @param uid whether the set holds UIDs
     * @return completion
     */
    Mono<Void> copy(String sequenceSet, String mailbox, boolean uid);

    /**
     * MOVE or UID MOVE (RFC 6851).
     *
     * @param sequenceSet the set
     * @param mailbox the destination
     * @param uid whether the set holds UIDs
     * @return completion
     */
    Mono<Void> move(String sequenceSet, String mailbox, boolean uid);

    /**
     * EXPUNGE.
     *
     * @return the expunged sequence numbers, in the server's order; empty once QRESYNC is enabled,
     *     when the server reports {@code VANISHED} on {@link #updates()} instead
     */
    Flux<Long> expunge();

    /**
     * UID EXPUNGE (RFC 4315 UIDPLUS, IMAP4rev2): expunges only those messages of {@code uidSet}
     * that are marked {@code \Deleted}.
     *
     * @param uidSet the UID set
     * @return the expunged sequence numbers, in the server's order
     */
    Flux<Long> uidExpunge(String uidSet);

    /**
     * APPEND, as a synchronizing literal, or LITERAL+ / LITERAL- where offered. The same as
     * {@link #append(Append)} with the message as the only buffer.
     *
     * @param mailbox the mailbox
     * @param flags the flags
     * @param message the message, CRLF line endings
     * @return completion
     */
    Mono<Void> append(String mailbox, List<String> flags, byte[] message);

    /**
     * APPEND streamed from the command's publisher, read only as fast as the connection takes it
     * (see {@link Append}). A binary append ({@code literal8}) needs the {@code BINARY} capability.
     * If the content has more or fewer bytes than declared, the command fails with
     * {@link io.deepmail.imap.command.LiteralSizeMismatchException} and the connection is closed.
     *
     * @param command the command
     * @return completion
     */
    Mono<Void> append(Append command);

    /**
     * IDLE (RFC 2177): mailbox updates as they arrive. IDLE is re-issued every
     * {@link ImapClientOptions#idleRefresh()}; cancelling sends DONE and reads to the completion.
     *
     * @return the updates
     */
    Flux<Untagged> idle();

    /**
     * NOOP.
     *
     * @return completion
     */
    Mono<Void> noop();

    /**
     * Untagged data that arrives while no command collects it (EXISTS, EXPUNGE, FETCH flags, and
     * under QRESYNC {@link io.deepmail.imap.response.VanishedData} in place of EXPUNGE, also for
     * {@link #expunge()} and {@link #move}).
     * Hot; one subscriber at a time sees what arrives while it is subscribed.
     *
     * @return the updates
     */
    Flux<Untagged> updates();

    /**
     * LOGOUT, then close_notify and the TCP close.
     *
     * @return completion
     */
    Mono<Void> logout();

    /**
     * Closes without LOGOUT (close_notify, then TCP close).
     *
     * @return completion
     */
    Mono<Void> close();
}
