package io.deepmail.submission;

import io.deepmail.core.security.SessionSecurity;
import io.netty.buffer.ByteBuf;
import java.util.Set;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * An established, authenticated submission session. Messages sent on one session go out one
 * after the other, in call order.
 *
 * @since 0.1
 */
public interface SubmissionSession {

    /**
     * Sends one message: MAIL FROM, RCPT TO for each recipient, then DATA (dot-stuffed) or BDAT,
     * pipelined when the server offers it. The content is streamed as it arrives and never held
     * whole; each buffer is released once written. It is normalised to CRLF line ends, and a final
     * CRLF is added when missing. Recipients the server refuses are listed in the result while at
     * least one is accepted; when none is, the first refusal is the error. Cancelling while content
     * is being written closes the connection, so the server discards the message.
     *
     * @param envelope the envelope
     * @param content the message, headers and body, as the application has it
     * @return the result, or an {@link SmtpReplyException}, {@link MissingExtensionException} or
     *     other {@link io.deepmail.core.MailClientException}
     */
    Mono<SubmissionResult> send(Envelope envelope, Publisher<ByteBuf> content);

    /**
     * NOOP, to check that the session is alive.
     *
     * @return the server's reply
     */
    Mono<SmtpReply> noop();

    /**
     * RSET: aborts any transaction in progress.
     *
     * @return the server's reply
     */
    Mono<SmtpReply> reset();

    /**
     * QUIT, then the close with TLS close_notify. Completes even when the server is already gone.
     *
     * @return completion
     */
    Mono<Void> quit();

    /**
     * The EHLO keywords the server advertised inside TLS, upper case.
     *
     * @return the keywords
     */
    Set<String> extensions();

    /**
     * What protects the session.
     *
     * @return the security record
     */
    SessionSecurity security();
}
