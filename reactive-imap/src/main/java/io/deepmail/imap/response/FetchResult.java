package io.deepmail.imap.response;

/**
 * What a FETCH emits: the chunks of each body section as they arrive, then each message's
 * {@link FetchData}.
 *
 * @since 0.1
 */
public sealed interface FetchResult permits FetchData, FetchChunk {

    /**
     * The message sequence number.
     *
     * @return the sequence number
     */
    long sequence();
}
