package io.deepmail.imap.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * ID (RFC 2971): tells the server who the client is and asks who the server is. An empty map sends
 * {@code NIL}, revealing nothing about the client.
 *
 * @param parameters field names (at most 30 bytes each) and values, in order
 * @since 0.1
 */
public record Id(Map<String, String> parameters) implements ImapCommand {

    /**
     * Copies the parameters, keeping their order, and checks the RFC 2971 bounds.
     *
     * @param parameters the fields
     */
    public Id {
        Objects.requireNonNull(parameters, "parameters");
        if (parameters.size() > 30) {
            throw new IllegalArgumentException("ID allows at most 30 field-value pairs");
        }
        parameters.forEach((k, v) -> {
            Objects.requireNonNull(v, "value");
            if (k.isEmpty() || k.length() > 30) {
                throw new IllegalArgumentException("an ID field name has 1 to 30 characters");
            }
            if (v.length() > 1024) {
                throw new IllegalArgumentException("an ID value has at most 1024 characters");
            }
        });
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    @Override
    public String verb() {
        return "ID";
    }
}
