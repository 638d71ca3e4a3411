/**
 * Probing a mail domain's advertised endpoints without credentials.
 *
 * <p>{@link io.deepmail.probe.MailProbe} (copy-on-write) runs RFC 6186 discovery through the core
 * {@link io.deepmail.core.discovery.AccountDiscovery}, then opens every candidate on its own through
 * the core {@link io.deepmail.core.connect.MailConnector} with the protocol client's dialect (Implicit
 * TLS, or STARTTLS with the protocol's own upgrade), and records what protected the session or the
 * typed reason it was refused as one {@link io.deepmail.probe.EndpointProbe} each. No credential is
 * ever asked for or sent (SRV-09). {@link io.deepmail.probe.ProbeReport} gathers them with an
 * overall {@link io.deepmail.probe.ProbeVerdict}.
 *
 * <p>Implementation classes live in {@code io.deepmail.probe.internal}, which is not exported.
 */
@NullMarked
package io.deepmail.probe;

import org.jspecify.annotations.NullMarked;
