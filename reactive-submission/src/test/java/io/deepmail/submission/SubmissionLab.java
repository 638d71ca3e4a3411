package io.deepmail.submission;

import io.deepmail.core.Endpoint;
import io.deepmail.core.MailProtocol;
import io.deepmail.core.MailResources;
import io.deepmail.core.TransportMode;
import io.deepmail.core.connect.AddressResolver;
import io.deepmail.core.connect.Targets;
import io.deepmail.core.metrics.MailClientMetricsRecorder;
import io.deepmail.core.testkit.LabEnvironment;
import io.deepmail.core.tls.TlsOptions;
import io.deepmail.core.tls.TrustAnchors;
import io.deepmail.core.transport.MailTransport;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/** The lab's strict Postfix listener as the SASL lab tests reach it: the lab CA, its host pinned to its address. */
final class SubmissionLab {

    private SubmissionLab() {
    }

    /** A client that trusts the lab CA, resolves the strict host to its lab address and records into {@code metrics}. */
    static SubmissionClient client(LabEnvironment env, MailResources resources, MailClientMetricsRecorder metrics)
            throws UnknownHostException {
        MailTransport transport = MailTransport.create(resources).metrics(metrics)
                .tls(TlsOptions.builder().trustAnchors(TrustAnchors.fromPem(env.path("LAB_CA_PEM"))).build());
        return SubmissionClient.create(transport).resolver(AddressResolver.of(Map.of(env.get("LAB_STRICT_HOST"),
                List.of(InetAddress.getByName(env.get("LAB_STRICT_IP"))))));
    }

    /** The strict listener: 465 for Implicit TLS, 587 for STARTTLS. */
    static Targets strict(LabEnvironment env, TransportMode mode) {
        String port = mode == TransportMode.IMPLICIT ? "LAB_SUBMISSIONS_PORT" : "LAB_SUBMISSION_PORT";
        return Targets.endpoints(MailProtocol.SUBMISSION,
                new Endpoint(MailProtocol.SUBMISSION, env.get("LAB_STRICT_HOST"), env.port(port), mode));
    }
}
