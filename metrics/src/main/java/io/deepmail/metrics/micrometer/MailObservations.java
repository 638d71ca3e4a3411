package io.deepmail.metrics.micrometer;

import static io.deepmail.metrics.micrometer.MailKeyNames.ERROR;
import static io.deepmail.metrics.micrometer.MailKeyNames.HOST;
import static io.deepmail.metrics.micrometer.MailKeyNames.MECHANISM;
import static io.deepmail.metrics.micrometer.MailKeyNames.MODE;
import static io.deepmail.metrics.micrometer.MailKeyNames.OUTCOME;
import static io.deepmail.metrics.micrometer.MailKeyNames.PORT;
import static io.deepmail.metrics.micrometer.MailKeyNames.PROTOCOL;
import static io.deepmail.metrics.micrometer.MailKeyNames.VERB;

import io.deepmail.core.metrics.MailPhase;
import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Every observation {@link MicrometerMailClientMetricsRecorder} starts, one per {@link MailPhase},
 * with its key names. High-cardinality keys ({@code host}, {@code port}) are present only when
 * {@link MailMetricsOptions#hostTags()} is set.
 *
 * @since 0.1
 */
public enum MailObservations implements ObservationDocumentation {

    /** The TCP connect of one attempt. */
    CONNECT(MailMeterNames.CONNECT_OBSERVATION, PROTOCOL, MODE, OUTCOME, ERROR),

    /** The TLS handshake and its checks, for Implicit TLS and STARTTLS. */
    TLS_HANDSHAKE(MailMeterNames.TLS_HANDSHAKE_OBSERVATION, PROTOCOL, MODE, OUTCOME, ERROR),

    /** The authentication exchange; the protocol module starts it. */
    AUTHENTICATION(MailMeterNames.AUTHENTICATION_OBSERVATION, PROTOCOL, MODE, OUTCOME, ERROR, MECHANISM),

    /** One protocol command; the protocol module starts it. */
    COMMAND(MailMeterNames.COMMAND_OBSERVATION, PROTOCOL, MODE, OUTCOME, ERROR, VERB);

    private final String name;
    private final KeyName[] lowCardinality;

    MailObservations(String name, KeyName... lowCardinality) {
        this.name = name;
        this.lowCardinality = lowCardinality;
    }

    /**
     * The documentation of a phase.
     *
     * @param phase the phase
     * @return its entry
     */
    public static MailObservations of(MailPhase phase) {
        return valueOf(phase.name());
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
        return DefaultMailObservationConvention.class;
    }

    @Override
    public KeyName[] getLowCardinalityKeyNames() {
        return lowCardinality.clone();
    }

    @Override
    public KeyName[] getHighCardinalityKeyNames() {
        return new KeyName[] {HOST, PORT};
    }
}
