package io.deepmail.imap.command;

/**
 * LOGOUT: ends the session; the server answers BYE then OK.
 *
 * @since 0.1
 */
public record Logout() implements ImapCommand {

    @Override
    public String verb() {
        return "LOGOUT";
    }
}
