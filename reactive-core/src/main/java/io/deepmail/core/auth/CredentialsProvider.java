package io.deepmail.core.auth;

import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Supplies credentials asynchronously, on every connect, so that tokens can be refreshed. deepmail
 * subscribes only once the session has met the account's level and latches: a provider is never
 * asked for a secret that would cross an unverified connection.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface CredentialsProvider {

    /**
     * The credentials to use now.
     *
     * @return the credentials; an error aborts the connect
     */
    Mono<Credentials> credentials();

    /**
     * A provider of fixed credentials.
     *
     * @param credentials the credentials
     * @return the provider
     */
    static CredentialsProvider of(Credentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        return () -> Mono.just(credentials);
    }

    /**
     * A provider of fresh OAuth 2.0 tokens.
     *
     * @param username the user name
     * @param tokens the token source, subscribed on every connect
     * @return the provider
     */
    static CredentialsProvider oauth2(String username, Mono<String> tokens) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(tokens, "tokens");
        return () -> tokens.map(token -> new Credentials.OAuth2Token(username, token));
    }
}
