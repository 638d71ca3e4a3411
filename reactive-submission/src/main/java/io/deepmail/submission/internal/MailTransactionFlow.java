package io.deepmail.submission.internal;

import io.deepmail.submission.Envelope;
import io.deepmail.submission.MissingExtensionException;
import io.deepmail.submission.Recipient;
import io.deepmail.submission.RequireTls;
import io.deepmail.submission.SmtpReply;
import io.deepmail.submission.internal.codec.SmtpCommand;
import io.deepmail.submission.internal.codec.SmtpCommands;
import io.deepmail.submission.internal.codec.SmtpResponse;
import io.deepmail.submission.internal.codec.SmtpSyntax;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * MAIL FROM, RCPT TO and (for DATA) the DATA command: as one pipelined group when the server
 * offers PIPELINING (RFC 2920), each reply matched to its command by position, else one by one,
 * stopping at the first refusal that ends the transaction. Every command is built and validated
 * before the first byte is written.
 */
final class MailTransactionFlow {

    private MailTransactionFlow() {
    }

    /** The commands of one transaction, built and validated. */
    record Plan(SmtpCommand mail, List<String> recipients, List<SmtpCommand> rcpts, boolean bdat, boolean requireTls) {
    }

    /** What the server said to the envelope. */
    record Outcome(List<String> accepted, Map<String, SmtpReply> refused, @Nullable SmtpResponse dataReply) {
    }

    /**
     * Builds the commands, checking every requested extension against the EHLO list read inside
     * TLS. Throws {@link MissingExtensionException} or {@link IllegalArgumentException}; nothing has
     * been written then.
     */
    static Plan plan(Envelope envelope, EhloCapabilities caps, boolean levelOne, boolean chunking, boolean pipelining) {
        List<String> mail = new ArrayList<>();
        if (envelope.size() >= 0 && caps.has(EhloCapabilities.SIZE)) {
            mail.add("SIZE=" + envelope.size());
        }
        if (envelope.eightBitMime()) {
            require(caps, EhloCapabilities.EIGHT_BIT_MIME, "an 8-bit body");
            mail.add("BODY=8BITMIME");
        }
        if (envelope.smtpUtf8()) {
            require(caps, EhloCapabilities.SMTPUTF8, "internationalised addresses");
            mail.add("SMTPUTF8");
        }
        boolean dsn = envelope.ret() != null || envelope.envelopeId() != null || envelope.recipients().stream()
                .anyMatch(r -> !r.notifyOn().isEmpty() || r.originalRecipient() != null);
        if (dsn) {
            require(caps, EhloCapabilities.DSN, "delivery status notification parameters");
        }
        if (envelope.ret() != null) {
            mail.add("RET=" + envelope.ret());
        }
        if (envelope.envelopeId() != null) {
            mail.add("ENVID=" + SmtpSyntax.xtext(envelope.envelopeId()));
        }
        boolean requireTls = envelope.requireTls() != RequireTls.OFF && levelOne && caps.has(EhloCapabilities.REQUIRETLS);
        if (envelope.requireTls() == RequireTls.REQUIRED && !requireTls) {
            throw new MissingExtensionException(EhloCapabilities.REQUIRETLS, levelOne
                    ? "the message requires REQUIRETLS and the server did not advertise it inside TLS"
                    : "the message requires REQUIRETLS, which needs a level-1 account (EXT-03)");
        }
        if (requireTls) {
            mail.add("REQUIRETLS");
        }
        SmtpCommand mailFrom = SmtpCommands.mailFrom(envelope.sender(), mail, envelope.smtpUtf8());
        List<SmtpCommand> rcpts = new ArrayList<>();
        List<String> recipients = new ArrayList<>();
        for (Recipient r : envelope.recipients()) {
            rcpts.add(SmtpCommands.rcptTo(r.address(), rcptParameters(r), envelope.smtpUtf8()));
            recipients.add(r.address());
        }
        // BDAT chunks are written without waiting for each reply, which RFC 3030 §4.2 allows only with PIPELINING.
        boolean bdat = chunking && pipelining && caps.has(EhloCapabilities.CHUNKING);
        return new Plan(mailFrom, recipients, rcpts, bdat, requireTls);
    }

    private static List<String> rcptParameters(Recipient r) {
        List<String> params = new ArrayList<>();
        if (!r.notifyOn().isEmpty()) {
            params.add("NOTIFY=" + r.notifyOn().stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
        }
        if (r.originalRecipient() != null) {
            params.add("ORCPT=rfc822;" + SmtpSyntax.xtext(r.originalRecipient()));
        }
        return params;
    }

    private static void require(EhloCapabilities caps, String keyword, String what) {
        if (!caps.has(keyword)) {
            throw new MissingExtensionException(keyword, "the message has " + what + " and the server did not "
                    + "advertise " + keyword);
        }
    }

    /** Runs the envelope commands. Fails with the reply that ended the transaction. */
    static Mono<Outcome> run(SmtpWire wire, Plan plan, boolean pipelining) {
        if (pipelining) {
            List<SmtpCommand> group = new ArrayList<>();
            group.add(plan.mail());
            group.addAll(plan.rcpts());
            if (!plan.bdat()) {
                group.add(SmtpCommands.data());
            }
            return wire.pipelined(group).collectList().flatMap(replies -> evaluate(wire, plan, replies));
        }
        return wire.command(plan.mail()).flatMap(mail -> {
            if (!mail.isPositiveCompletion()) {
                return Mono.error(Replies.failure("MAIL", mail));
            }
            return Flux.fromIterable(plan.rcpts()).concatMap(wire::command).collectList().flatMap(rcpts -> {
                List<SmtpResponse> replies = new ArrayList<>();
                replies.add(mail);
                replies.addAll(rcpts);
                if (plan.bdat() || rcpts.stream().noneMatch(SmtpResponse::isPositiveCompletion)) {
                    return evaluate(wire, plan, replies);
                }
                return wire.command(SmtpCommands.data()).flatMap(data -> {
                    replies.add(data);
                    return evaluate(wire, plan, replies);
                });
            });
        });
    }

    private static Mono<Outcome> evaluate(SmtpWire wire, Plan plan, List<SmtpResponse> replies) {
        SmtpResponse mail = replies.get(0);
        List<String> accepted = new ArrayList<>();
        Map<String, SmtpReply> refused = new LinkedHashMap<>();
        SmtpResponse firstRefusal = null;
        for (int i = 0; i < plan.rcpts().size() && i + 1 < replies.size(); i++) {
            SmtpResponse r = replies.get(i + 1);
            if (r.isPositiveCompletion()) {
                accepted.add(plan.recipients().get(i));
            } else {
                refused.put(plan.recipients().get(i), Replies.reply(r));
                firstRefusal = firstRefusal == null ? r : firstRefusal;
            }
        }
        SmtpResponse data = replies.size() > plan.rcpts().size() + 1 ? replies.get(plan.rcpts().size() + 1) : null;
        RuntimeException failure = null;
        if (!mail.isPositiveCompletion()) {
            failure = Replies.failure("MAIL", mail);
        } else if (accepted.isEmpty()) {
            failure = Replies.failure("RCPT", firstRefusal != null ? firstRefusal : mail);
        } else if (data != null && data.code() != 354) {
            failure = Replies.failure("DATA", data);
        }
        if (failure == null) {
            return Mono.just(new Outcome(accepted, refused, data));
        }
        Mono<?> abortData = data != null && data.code() == 354 ? DataFlow.abort(wire) : Mono.empty();
        return abortData.then(Mono.error(failure));
    }
}
