package io.deepmail.imap;

import io.deepmail.core.security.SessionSecurity;
import io.deepmail.imap.command.Store;
import io.deepmail.imap.response.FetchData;
import io.deepmail.imap.response.FetchResult;
import io.deepmail.imap.response.ListData;
import io.deepmail.imap.response.StatusData;
import io.deepmail.imap.response.Untagged;
import java.util.List;
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
     * SEARCH or UID SEARCH.
     *
     * @param criteria the criteria in IMAP syntax
     * @param uid whether to return UIDs
     * @return the matches
     */
    Mono<List<Long>> search(String criteria, boolean uid);

    /**
     * STORE or UID STORE.
     *
     * @param command the store command
     * @return the updated flags the server reported
     */
    Flux<FetchData> store(Store command);

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
     * @return the expunged sequence numbers, in the server's order
     */
    Flux<Long> expunge();

    /**
     * APPEND, as a synchronizing literal, or LITERAL+ / LITERAL- where offered.
     *
     * @param mailbox the mailbox
     * @param flags the flags
     * @param message the message, CRLF line endings
     * @return completion
     */
    Mono<Void> append(String mailbox, List<String> flags, byte[] message);

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
     * Untagged data that arrives while no command collects it (EXISTS, EXPUNGE, FETCH flags).
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
