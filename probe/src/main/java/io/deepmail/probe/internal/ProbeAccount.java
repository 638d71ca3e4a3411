package io.deepmail.probe.internal;

import io.deepmail.core.Account;
import reactor.core.publisher.Mono;

/** The account a probe connects as: level 1 required, no credentials to give. */
final class ProbeAccount {

    private ProbeAccount() {
    }

    /**
     * The account for a query.
     *
     * @param query {@code alice@example.com}, or a domain, probed as {@code postmaster@domain}
     * @return a level-1 account whose credentials provider always fails
     * @throws IllegalArgumentException when the query has no valid domain
     */
    static Account of(String query) {
        String q = query.strip();
        if (q.isEmpty() || q.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("not an email address or a domain: \"" + query + "\"");
        }
        String address = q.indexOf('@') >= 0 ? q : "postmaster@" + q;
        return Account.builder(address)
                .credentials(() -> Mono.error(new IllegalStateException("a probe never sends credentials")))
                .build();
    }
}
