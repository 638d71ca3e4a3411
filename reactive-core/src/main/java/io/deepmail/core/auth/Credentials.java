package io.deepmail.core.auth;

import java.util.Objects;

/**
 * What proves the user's identity to the server. Secrets never appear in {@code toString()}.
 *
 * @since 0.1
 */
public sealed interface Credentials permits Credentials.Password, Credentials.OAuth2Token {

    /**
     * The user name to authenticate as (often the full email address, RFC 6186 §4).
     *
     * @return the user name
     */
    String username();

    /**
     * A password, for LOGIN, USER/PASS, AUTH PLAIN, LOGIN and SCRAM.
     *
     * @param username the user name
     * @param password the password
     * @since 0.1
     */
    record Password(String username, String password) implements Credentials {

        /**
         * Validates the credentials.
         *
         * @param username the user name
         * @param password the password
         */
        public Password {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Password[username=" + username + ", password=***]";
        }
    }

    /**
     * An OAuth 2.0 access token, for XOAUTH2 and OAUTHBEARER (RFC 7628).
     *
     * @param username the user name
     * @param accessToken the bearer token
     * @since 0.1
     */
    record OAuth2Token(String username, String accessToken) implements Credentials {

        /**
         * Validates the credentials.
         *
         * @param username the user name
         * @param accessToken the token
         */
        public OAuth2Token {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(accessToken, "accessToken");
        }

        @Override
        public String toString() {
            return "OAuth2Token[username=" + username + ", accessToken=***]";
        }
    }
}
