package io.deepmail.imap.response;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A bracketed response code such as {@code [ALERT]}, {@code [UIDVALIDITY 3857529045]} or
 * {@code [CAPABILITY IMAP4rev2 ...]}. The name is kept in upper case; the argument is the raw text
 * between the name and the closing bracket, so unknown codes pass through.
 *
 * @param name the code name, upper case
 * @param argument the raw argument, empty when absent
 * @since 0.1
 */
public record ResponseCode(String name, String argument) {

    /** {@code ALERT}: text the user must see, if it comes from an authenticated server. */
    public static final String ALERT = "ALERT";
    /** {@code CAPABILITY}: the capability list. */
    public static final String CAPABILITY = "CAPABILITY";
    /** {@code REFERRAL}: a login or mailbox referral (RFC 2221, RFC 2193); never followed. */
    public static final String REFERRAL = "REFERRAL";
    /** {@code UIDVALIDITY}. */
    public static final String UIDVALIDITY = "UIDVALIDITY";
    /** {@code UIDNEXT}. */
    public static final String UIDNEXT = "UIDNEXT";
    /** {@code READ-ONLY}. */
    public static final String READ_ONLY = "READ-ONLY";
    /** {@code READ-WRITE}. */
    public static final String READ_WRITE = "READ-WRITE";
    /** {@code PERMANENTFLAGS}. */
    public static final String PERMANENTFLAGS = "PERMANENTFLAGS";
    /** {@code APPENDUID} (UIDPLUS). */
    public static final String APPENDUID = "APPENDUID";
    /** {@code HIGHESTMODSEQ} (CONDSTORE). */
    public static final String HIGHESTMODSEQ = "HIGHESTMODSEQ";
    /** {@code NOMODSEQ} (CONDSTORE): the mailbox keeps no mod-sequences. */
    public static final String NOMODSEQ = "NOMODSEQ";
    /** {@code MODIFIED} (CONDSTORE): the messages a conditional STORE left alone. */
    public static final String MODIFIED = "MODIFIED";

    /**
     * Normalises the name to upper case.
     *
     * @param name the name
     * @param argument the argument
     */
    public ResponseCode {
        name = Objects.requireNonNull(name, "name").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(argument, "argument");
    }

    /**
     * The argument as a number, for codes such as UIDVALIDITY and UIDNEXT.
     *
     * @return the number, or {@code -1} when the argument is not a number
     */
    public long number() {
        try {
            return Long.parseLong(argument.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * The argument split on spaces, upper case, for the CAPABILITY code.
     *
     * @return the words of the argument
     */
    public Set<String> words() {
        return Arrays.stream(argument.strip().split(" +")).filter(w -> !w.isEmpty())
                .map(w -> w.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String toString() {
        return "[" + name + (argument.isEmpty() ? "" : " " + argument) + "]";
    }
}
