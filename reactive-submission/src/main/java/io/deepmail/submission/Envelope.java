package io.deepmail.submission;

import io.deepmail.submission.internal.codec.SmtpSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The SMTP envelope of one message: sender, recipients and MAIL FROM parameters. Every address is
 * validated when the envelope is built: CR, LF, NUL, spaces, angle brackets and (without
 * {@code smtpUtf8}) non-ASCII are refused, so no envelope can inject a command (CVE-2025-7962).
 *
 * @param sender the reverse-path, or empty for the null sender {@code <>}
 * @param recipients the recipients, at least one
 * @param size the message size in bytes for the SIZE parameter (RFC 1870), or -1 for unknown
 * @param eightBitMime whether the body holds 8-bit data: sends BODY=8BITMIME (RFC 6152)
 * @param smtpUtf8 whether addresses or headers hold UTF-8: sends SMTPUTF8 (RFC 6531)
 * @param ret the DSN RET value ({@code "FULL"} or {@code "HDRS"}), or {@code null}
 * @param envelopeId the DSN ENVID, or {@code null}; sent as xtext
 * @param requireTls the REQUIRETLS request
 * @since 0.1
 */
public record Envelope(String sender, List<Recipient> recipients, long size, boolean eightBitMime, boolean smtpUtf8,
        @Nullable String ret, @Nullable String envelopeId, RequireTls requireTls) {

    /**
     * Validates every address and parameter.
     *
     * @param sender the reverse-path, or empty
     * @param recipients the recipients
     * @param size the size, or -1
     * @param eightBitMime whether to send BODY=8BITMIME
     * @param smtpUtf8 whether to send SMTPUTF8
     * @param ret FULL, HDRS or {@code null}
     * @param envelopeId the ENVID or {@code null}
     * @param requireTls the REQUIRETLS request
     */
    public Envelope {
        Objects.requireNonNull(sender, "sender");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(requireTls, "requireTls");
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("an envelope needs at least one recipient");
        }
        if (!sender.isEmpty()) {
            SmtpSyntax.requireMailbox("sender", sender, smtpUtf8);
        }
        for (Recipient r : recipients) {
            SmtpSyntax.requireMailbox("recipient", r.address(), smtpUtf8);
            if (r.originalRecipient() != null) {
                SmtpSyntax.requireLineSafe("ORCPT", r.originalRecipient(), true);
            }
        }
        if (size < -1) {
            throw new IllegalArgumentException("size must be -1 (unknown) or at least 0, got " + size);
        }
        if (ret != null && !ret.equals("FULL") && !ret.equals("HDRS")) {
            throw new IllegalArgumentException("RET is FULL or HDRS, got " + ret);
        }
        if (envelopeId != null) {
            SmtpSyntax.requireLineSafe("ENVID", envelopeId, false);
            if (envelopeId.isEmpty() || envelopeId.length() > 100) {
                throw new IllegalArgumentException("ENVID must hold 1 to 100 characters");
            }
        }
    }

    /**
     * An envelope from {@code sender} to the given recipients, with no parameters.
     *
     * @param sender the sender
     * @param recipients the recipient addresses
     * @return the envelope
     */
    public static Envelope of(String sender, String... recipients) {
        Builder b = builder(sender);
        for (String r : recipients) {
            b.to(r);
        }
        return b.build();
    }

    /**
     * A builder for an envelope from {@code sender}.
     *
     * @param sender the sender, or empty for the null sender
     * @return the builder
     */
    public static Builder builder(String sender) {
        return new Builder(sender);
    }

    /**
     * A builder pre-filled from this envelope.
     *
     * @return the builder
     */
    public Builder mutate() {
        Builder b = new Builder(sender);
        b.recipients.addAll(recipients);
        b.size = size;
        b.eightBitMime = eightBitMime;
        b.smtpUtf8 = smtpUtf8;
        b.ret = ret;
        b.envelopeId = envelopeId;
        b.requireTls = requireTls;
        return b;
    }

    /**
     * Builds an {@link Envelope}; {@link #build()} validates.
     *
     * @since 0.1
     */
    public static final class Builder {

        private final String sender;
        private final List<Recipient> recipients = new ArrayList<>();
        private long size = -1;
        private boolean eightBitMime;
        private boolean smtpUtf8;
        private @Nullable String ret;
        private @Nullable String envelopeId;
        private RequireTls requireTls = RequireTls.OFF;

        private Builder(String sender) {
            this.sender = Objects.requireNonNull(sender, "sender");
        }

        /**
         * Adds a recipient without DSN requests.
         *
         * @param address the address
         * @return this builder
         */
        public Builder to(String address) {
            return to(Recipient.of(address));
        }

        /**
         * Adds a recipient.
         *
         * @param recipient the recipient
         * @return this builder
         */
        public Builder to(Recipient recipient) {
            recipients.add(Objects.requireNonNull(recipient, "recipient"));
            return this;
        }

        /**
         * The message size, for SIZE.
         *
         * @param bytes the size in bytes
         * @return this builder
         */
        public Builder size(long bytes) {
            this.size = bytes;
            return this;
        }

        /**
         * Declares an 8-bit body: BODY=8BITMIME.
         *
         * @param enabled whether the body holds 8-bit data
         * @return this builder
         */
        public Builder eightBitMime(boolean enabled) {
            this.eightBitMime = enabled;
            return this;
        }

        /**
         * Declares internationalised addresses or headers: SMTPUTF8.
         *
         * @param enabled whether to use SMTPUTF8
         * @return this builder
         */
        public Builder smtpUtf8(boolean enabled) {
            this.smtpUtf8 = enabled;
            return this;
        }

        /**
         * DSN RET.
         *
         * @param fullMessage {@code true} for FULL, {@code false} for HDRS
         * @return this builder
         */
        public Builder ret(boolean fullMessage) {
            this.ret = fullMessage ? "FULL" : "HDRS";
            return this;
        }

        /**
         * DSN ENVID.
         *
         * @param id the envelope identifier, printable ASCII
         * @return this builder
         */
        public Builder envelopeId(String id) {
            this.envelopeId = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * The REQUIRETLS request (RFC 8689).
         *
         * @param mode what to do
         * @return this builder
         */
        public Builder requireTls(RequireTls mode) {
            this.requireTls = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the envelope
         */
        public Envelope build() {
            return new Envelope(sender, recipients, size, eightBitMime, smtpUtf8, ret, envelopeId, requireTls);
        }
    }
}
