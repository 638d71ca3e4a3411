package io.deepmail.imap.response;

import java.util.Map;
import java.util.Objects;

/**
 * {@code * STATUS mailbox (MESSAGES n UIDNEXT n ...)}.
 *
 * @param mailbox the mailbox name as sent
 * @param values each status item, upper case, with its value
 * @since 0.1
 */
public record StatusData(String mailbox, Map<String, Long> values) implements Untagged {

    /**
     * Copies the values.
     *
     * @param mailbox the name
     * @param values the values
     */
    public StatusData {
        Objects.requireNonNull(mailbox, "mailbox");
        values = Map.copyOf(values);
    }

    /**
     * One value.
     *
     * @param item for example {@code "MESSAGES"}
     * @return the value, or {@code -1} if the server did not send it
     */
    public long get(String item) {
        return values.getOrDefault(item, -1L);
    }
}
