package io.deepmail.core.internal.dns;

import io.deepmail.core.dns.DnsAnswer;

/**
 * What one query to one resolver gave: an answer (data or a denial), a SERVFAIL (to be asked again
 * with CD set), or a failure that another attempt may cure.
 *
 * @param <T> the record type
 */
sealed interface QueryResult<T> {

    /**
     * A usable answer, data or denial, with its status.
     *
     * @param answer the answer
     * @param <T> the record type
     */
    record Answered<T>(DnsAnswer<T> answer) implements QueryResult<T> {
    }

    /**
     * The resolver answered SERVFAIL.
     *
     * @param <T> the record type
     */
    record ServerFailure<T>() implements QueryResult<T> {
    }

    /**
     * No usable response: timeout, network error, refusal, truncation, malformed data.
     *
     * @param reason what happened, for the log
     * @param <T> the record type
     */
    record Failed<T>(String reason) implements QueryResult<T> {
    }
}
