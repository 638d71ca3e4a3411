package io.deepmail.pop3.internal.codec;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line the client writes: a verb and its arguments (RFC 1939, RFC 2449, RFC 2595, RFC 5034),
 * or a SASL client response. Arguments may not hold CR, LF or NUL, so a value can never smuggle a
 * second command onto the wire; the factories reject them at once.
 *
 * @param verb the command keyword, or empty for a SASL client response
 * @param arguments the arguments, written separated by single spaces
 * @param shape what the server answers
 * @param sensitive whether the arguments are secret and must never be logged
 */
public record Pop3Command(String verb, List<String> arguments, ResponseShape shape, boolean sensitive) {

    /**
     * Validates the command.
     *
     * @param verb the command keyword
     * @param arguments the arguments
     * @param shape what the server answers
     * @param sensitive whether the arguments are secret
     */
    public Pop3Command {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(shape, "shape");
        arguments = List.copyOf(arguments);
        check(verb);
        for (String argument : arguments) {
            check(argument);
            if (argument.isEmpty()) {
                throw new IllegalArgumentException("empty POP3 argument");
            }
        }
    }

    private static void check(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0') {
                throw new IllegalArgumentException("CR, LF and NUL are not allowed in a POP3 command");
            }
        }
    }

    private static Pop3Command of(String verb, ResponseShape shape, String... arguments) {
        return new Pop3Command(verb, List.of(arguments), shape, false);
    }

    private static String number(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("message numbers start at 1, got " + n);
        }
        return Integer.toString(n);
    }

    /** @return {@code CAPA} (RFC 2449) */
    public static Pop3Command capa() {
        return of("CAPA", ResponseShape.MULTI_LINE);
    }

    /** @return {@code STLS} (RFC 2595 §4) */
    public static Pop3Command stls() {
        return of("STLS", ResponseShape.SINGLE);
    }

    /**
     * {@code USER name}.
     *
     * @param name the user name
     * @return the command
     */
    public static Pop3Command user(String name) {
        return new Pop3Command("USER", List.of(name), ResponseShape.SINGLE, true);
    }

    /**
     * {@code PASS secret}; the password may contain spaces (RFC 1939 §7), so it is one argument.
     *
     * @param password the password
     * @return the command
     */
    public static Pop3Command pass(String password) {
        return new Pop3Command("PASS", List.of(password), ResponseShape.SINGLE, true);
    }

    /**
     * {@code APOP name digest} (RFC 1939 §7).
     *
     * @param name the user name
     * @param digest the lower-case hex MD5 digest
     * @return the command
     */
    public static Pop3Command apop(String name, String digest) {
        return new Pop3Command("APOP", List.of(name, digest), ResponseShape.SINGLE, true);
    }

    /**
     * {@code AUTH mechanism [initial-response]} (RFC 5034).
     *
     * @param mechanism the SASL mechanism
     * @param initialResponse base64 initial response, {@code "="} for an empty one, or {@code null}
     * @return the command
     */
    public static Pop3Command auth(String mechanism, @Nullable String initialResponse) {
        List<String> args = initialResponse == null ? List.of(mechanism.toUpperCase(Locale.ROOT))
                : List.of(mechanism.toUpperCase(Locale.ROOT), initialResponse);
        return new Pop3Command("AUTH", args, ResponseShape.SINGLE_AFTER_CHALLENGES, true);
    }

    /**
     * A SASL client response line (base64, or {@code *} to cancel). An empty response is an empty
     * line (RFC 5034 §6: {@code *(CRLF [base64])}); {@code =} is only for an empty initial response.
     *
     * @param line the line
     * @return the command
     */
    public static Pop3Command saslResponse(String line) {
        return new Pop3Command("", line.isEmpty() ? List.of() : List.of(line), ResponseShape.NONE, true);
    }

    /** @return {@code STAT} */
    public static Pop3Command stat() {
        return of("STAT", ResponseShape.SINGLE);
    }

    /** @return {@code LIST} for every message */
    public static Pop3Command list() {
        return of("LIST", ResponseShape.MULTI_LINE);
    }

    /**
     * {@code LIST n}.
     *
     * @param message the message number
     * @return the command
     */
    public static Pop3Command list(int message) {
        return of("LIST", ResponseShape.SINGLE, number(message));
    }

    /** @return {@code UIDL} for every message */
    public static Pop3Command uidl() {
        return of("UIDL", ResponseShape.MULTI_LINE);
    }

    /**
     * {@code UIDL n}.
     *
     * @param message the message number
     * @return the command
     */
    public static Pop3Command uidl(int message) {
        return of("UIDL", ResponseShape.SINGLE, number(message));
    }

    /**
     * {@code TOP n lines}.
     *
     * @param message the message number
     * @param lines how many body lines after the header
     * @return the command
     */
    public static Pop3Command top(int message, int lines) {
        if (lines < 0) {
            throw new IllegalArgumentException("lines must not be negative, got " + lines);
        }
        return of("TOP", ResponseShape.MULTI_LINE, number(message), Integer.toString(lines));
    }

    /**
     * {@code RETR n}.
     *
     * @param message the message number
     * @return the command
     */
    public static Pop3Command retr(int message) {
        return of("RETR", ResponseShape.MULTI_LINE, number(message));
    }

    /**
     * {@code DELE n}.
     *
     * @param message the message number
     * @return the command
     */
    public static Pop3Command dele(int message) {
        return of("DELE", ResponseShape.SINGLE, number(message));
    }

    /** @return {@code RSET} */
    public static Pop3Command rset() {
        return of("RSET", ResponseShape.SINGLE);
    }

    /** @return {@code NOOP} */
    public static Pop3Command noop() {
        return of("NOOP", ResponseShape.SINGLE);
    }

    /** @return {@code QUIT} */
    public static Pop3Command quit() {
        return of("QUIT", ResponseShape.SINGLE);
    }

    @Override
    public String toString() {
        if (verb.isEmpty()) {
            return "<SASL response>";
        }
        return sensitive ? verb + " <hidden>" : arguments.isEmpty() ? verb : verb + " " + String.join(" ", arguments);
    }
}
