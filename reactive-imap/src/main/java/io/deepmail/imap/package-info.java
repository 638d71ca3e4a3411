/**
 * Reactive IMAP4rev2/rev1 client on the deepmail core.
 *
 * <p>{@link io.deepmail.imap.ImapClient} (copy-on-write) connects through the core connector,
 * which races Implicit TLS against STARTTLS, verifies the certificate and identity and runs the
 * latch gate; only then does {@link io.deepmail.imap.ImapSession#authenticate()} ask the account's
 * provider for credentials. Sessions return cold {@code Mono}/{@code Flux} publishers; body
 * sections stream as reference-counted {@link io.deepmail.imap.response.FetchChunk}s, and APPEND
 * streams its content from a {@code Publisher<ByteBuf>} of declared size, at the pace the
 * connection takes it. CONDSTORE/QRESYNC (RFC 7162), BINARY (RFC 3516) and UTF8=ACCEPT (RFC 6855)
 * are used only when the server offers them; {@code VANISHED} arrives as
 * {@link io.deepmail.imap.response.VanishedData}, like EXPUNGE.
 *
 * <p>Layers (STYLE §2.1), enforced by an ArchUnit test: this package (API) →
 * {@code io.deepmail.imap.internal} (session: tags, correlation, literals, IDLE, STARTTLS) →
 * {@code io.deepmail.imap.internal.codec} (Netty decoder and encoder, no Reactor). The records of
 * {@code io.deepmail.imap.command} and {@code io.deepmail.imap.response} are shared by all layers
 * and depend on none.
 *
 * <p>Security behaviour: before TLS only CAPABILITY and STARTTLS are sent and every other response,
 * code and ALERT is dropped (TLS-09, TLS-13); capabilities are read again inside TLS (TLS-12); a
 * PREAUTH greeting is refused (TLS-17); LOGIN is never sent under LOGINDISABLED (TLS-14); referrals
 * surface as {@link io.deepmail.imap.ImapNoException} with code {@code REFERRAL} and are never followed.
 */
@NullMarked
package io.deepmail.imap;

import org.jspecify.annotations.NullMarked;
