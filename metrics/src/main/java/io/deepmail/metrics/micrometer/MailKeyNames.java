package io.deepmail.metrics.micrometer;

import io.micrometer.common.docs.KeyName;

/**
 * The tag and key-value keys of {@link MailMeters} and {@link MailObservations}, as Micrometer
 * {@link KeyName}s. The strings are those of {@link MailMeterNames}.
 *
 * @since 0.1
 */
public enum MailKeyNames implements KeyName {

    /** See {@link MailMeterNames#PROTOCOL}. */
    PROTOCOL(MailMeterNames.PROTOCOL),
    /** See {@link MailMeterNames#MODE}. */
    MODE(MailMeterNames.MODE),
    /** See {@link MailMeterNames#PREFERRED_MODE}. */
    PREFERRED_MODE(MailMeterNames.PREFERRED_MODE),
    /** See {@link MailMeterNames#TLS_VERSION}. */
    TLS_VERSION(MailMeterNames.TLS_VERSION),
    /** See {@link MailMeterNames#CIPHER}. */
    CIPHER(MailMeterNames.CIPHER),
    /** See {@link MailMeterNames#AUTH_METHOD}. */
    AUTH_METHOD(MailMeterNames.AUTH_METHOD),
    /** See {@link MailMeterNames#LEVEL}. */
    LEVEL(MailMeterNames.LEVEL),
    /** See {@link MailMeterNames#OUTCOME}. */
    OUTCOME(MailMeterNames.OUTCOME),
    /** See {@link MailMeterNames#REASON}. */
    REASON(MailMeterNames.REASON),
    /** See {@link MailMeterNames#RESULT}. */
    RESULT(MailMeterNames.RESULT),
    /** See {@link MailMeterNames#TAG}. */
    TAG(MailMeterNames.TAG),
    /** See {@link MailMeterNames#STATE}. */
    STATE(MailMeterNames.STATE),
    /** See {@link MailMeterNames#KIND}. */
    KIND(MailMeterNames.KIND),
    /** See {@link MailMeterNames#PROPERTY}. */
    PROPERTY(MailMeterNames.PROPERTY),
    /** See {@link MailMeterNames#SOURCE}. */
    SOURCE(MailMeterNames.SOURCE),
    /** See {@link MailMeterNames#SEVERITY}. */
    SEVERITY(MailMeterNames.SEVERITY),
    /** See {@link MailMeterNames#TYPE}. */
    TYPE(MailMeterNames.TYPE),
    /** See {@link MailMeterNames#STATUS}. */
    STATUS(MailMeterNames.STATUS),
    /** See {@link MailMeterNames#VERB}. */
    VERB(MailMeterNames.VERB),
    /** See {@link MailMeterNames#MECHANISM}. */
    MECHANISM(MailMeterNames.MECHANISM),
    /** See {@link MailMeterNames#ERROR}. */
    ERROR(MailMeterNames.ERROR),
    /** See {@link MailMeterNames#HOST}; opt-in. */
    HOST(MailMeterNames.HOST),
    /** See {@link MailMeterNames#PORT}; opt-in. */
    PORT(MailMeterNames.PORT);

    private final String key;

    MailKeyNames(String key) {
        this.key = key;
    }

    @Override
    public String asString() {
        return key;
    }
}
