package io.deepmail.core;

import io.deepmail.core.security.ConfidentialityLevel;
import java.util.Objects;

/**
 * The warning every explicit lowering of an account's protection returns (REQUIREMENTS L10,
 * RFC 8314 §5.2). Only account edits produce it; no error path does (LAT-11).
 *
 * @param account the account address
 * @param previous the level before the edit
 * @param now the level after the edit
 * @param message what the user gives up, in words to show them
 * @since 0.1
 */
public record PrivacyWarning(String account, ConfidentialityLevel previous, ConfidentialityLevel now,
        String message) {

    /**
     * Validates the warning.
     *
     * @param account the account
     * @param previous the previous level
     * @param now the new level
     * @param message the message
     */
    public PrivacyWarning {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(message, "message");
    }
}
