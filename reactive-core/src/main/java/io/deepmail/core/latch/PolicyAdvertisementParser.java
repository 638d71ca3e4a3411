package io.deepmail.core.latch;

import io.deepmail.core.MailProtocol;
import java.util.Optional;

/**
 * Reads a server's security advertisement out of its capability data (EXT-02): an IMAP
 * {@code CAPABILITY} or response code, a POP3 {@code CAPA} tag, an SMTP {@code EHLO} keyword. The
 * keyword and grammar are the parser's own (draft-era concept; no registered wire syntax). None is
 * installed by default, and deepmail never sends or requires one (EXT-01).
 *
 * <p>A parser only ever sees {@link AuthenticatedCapabilities}: capability data read after TLS and
 * after the server's identity was verified. Whatever it returns can only confirm latches (L4(b));
 * a request for less than what is latched is ignored and logged (EXT-06).
 *
 * @since 0.1
 */
public interface PolicyAdvertisementParser {

    /**
     * The protocol whose capability data this parser reads.
     *
     * @return the protocol
     */
    MailProtocol protocol();

    /**
     * Finds the advertisement in the capability data.
     *
     * @param capabilities post-TLS, post-identity capability lines
     * @return the advertisement, or empty when the server sent none
     */
    Optional<PolicyAdvertisement> parse(AuthenticatedCapabilities capabilities);
}
