package io.deepmail.submission.internal.codec;

import java.util.Objects;

/**
 * One command line, already validated: build instances with {@link SmtpCommands}, which is the only
 * place that checks arguments. The constructor repeats the check that matters for injection (no
 * CR, LF or NUL, and non-ASCII only where allowed), so no path can put a second command on the line.
 *
 * @param verb the verb, ASCII letters; empty for an AUTH continuation line (which may itself be empty)
 * @param argument what follows the verb and a space; empty for none
 * @param utf8 whether the argument may hold UTF-8 (SMTPUTF8 addresses, RFC 6531)
 * @param sensitive whether the argument is a secret, hidden from {@link #toString()}
 */
public record SmtpCommand(String verb, String argument, boolean utf8, boolean sensitive) {

    /**
     * Validates verb and argument.
     *
     * @param verb the verb
     * @param argument the argument
     * @param utf8 whether non-ASCII is allowed in the argument
     * @param sensitive whether the argument is a secret
     */
    public SmtpCommand {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(argument, "argument");
        for (int i = 0; i < verb.length(); i++) {
            char c = verb.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                throw new IllegalArgumentException("not an SMTP verb: " + SmtpSyntax.quote(verb));
            }
        }
        SmtpSyntax.requireLineSafe("argument", argument, utf8);
    }

    /**
     * The verb, upper case, for logs and metrics.
     *
     * @return the verb, or {@code "(continuation)"}
     */
    public String name() {
        return verb.isEmpty() ? "(continuation)" : verb;
    }

    @Override
    public String toString() {
        String shown = sensitive ? "***" : argument;
        return verb.isEmpty() ? shown : argument.isEmpty() ? verb : verb + " " + shown;
    }
}
