package io.deepmail.pop3.response;

import java.util.Locale;
import java.util.Objects;

/**
 * An extended response code (RFC 2449 §8), interned for the codes of RFC 2449 and RFC 3206 and
 * passed through for any other: codes are hierarchical, so {@code SYS/TEMP/DISK} is a kind of
 * {@code SYS/TEMP}.
 *
 * @param value the code as sent, upper-cased
 * @since 0.1
 */
public record ResponseCode(String value) {

    /** RFC 2449 §8.1.1: the mailbox is locked by another session. */
    public static final ResponseCode IN_USE = new ResponseCode("IN-USE");
    /** RFC 2449 §8.1.2: logged in too soon after the last login. */
    public static final ResponseCode LOGIN_DELAY = new ResponseCode("LOGIN-DELAY");
    /** RFC 3206 §4: a temporary system problem. */
    public static final ResponseCode SYS_TEMP = new ResponseCode("SYS/TEMP");
    /** RFC 3206 §4: a permanent system problem. */
    public static final ResponseCode SYS_PERM = new ResponseCode("SYS/PERM");
    /** RFC 3206 §5: the credentials were refused. */
    public static final ResponseCode AUTH = new ResponseCode("AUTH");

    /**
     * Validates and upper-cases the code.
     *
     * @param value the code, without brackets
     */
    public ResponseCode {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f || c == ']')) {
            throw new IllegalArgumentException("not a response code: " + value);
        }
        value = value.toUpperCase(Locale.ROOT);
    }

    /**
     * Parses a code.
     *
     * @param value the code, without brackets
     * @return the code
     */
    public static ResponseCode of(String value) {
        return new ResponseCode(value);
    }

    /**
     * Whether this code is {@code other} or one of its sub-codes ({@code SYS/TEMP/DISK} is
     * {@code SYS/TEMP}).
     *
     * @param other the code to compare with
     * @return {@code true} when this code falls under {@code other}
     */
    public boolean is(ResponseCode other) {
        return value.equals(other.value) || value.startsWith(other.value + "/");
    }

    /**
     * Whether the code says retrying later may succeed: {@code SYS/TEMP}, {@code IN-USE} and
     * {@code LOGIN-DELAY}.
     *
     * @return {@code true} for a transient condition
     */
    public boolean isTransient() {
        return is(SYS_TEMP) || is(IN_USE) || is(LOGIN_DELAY);
    }

    @Override
    public String toString() {
        return value;
    }
}
