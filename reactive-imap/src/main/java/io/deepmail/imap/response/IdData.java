package io.deepmail.imap.response;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code * ID (...)} (RFC 2971): what the server says about itself. Unauthenticated text, shown to
 * no one as a fact.
 *
 * @param parameters the fields with their values, in the server's order; {@code NIL} values and a
 *     {@code NIL} list leave the map without them
 * @since 0.1
 */
public record IdData(Map<String, String> parameters) implements Untagged {

    /**
     * Copies the map, keeping its order.
     *
     * @param parameters the fields
     */
    public IdData {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
