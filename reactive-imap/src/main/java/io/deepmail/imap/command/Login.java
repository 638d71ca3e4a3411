package io.deepmail.imap.command;

import java.util.Objects;

/**
 * LOGIN with a user name and password. Never sent when the server advertises LOGINDISABLED.
 *
 * @param username the user name
 * @param password the password; not shown by {@link #toString()}
 * @since 0.1
 */
public record Login(String username, String password) implements ImapCommand {

    /**
     * Validates the command.
     *
     * @param username the user name
     * @param password the password
     */
    public Login {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String verb() {
        return "LOGIN";
    }

    @Override
    public String toString() {
        return "Login[username=" + username + ", password=***]";
    }
}
