package io.deepmail.core.discovery;

import io.deepmail.core.MailProtocol;
import io.deepmail.core.TransportMode;
import io.deepmail.core.dns.DnsAnswer;
import io.deepmail.core.dns.DnsLookup;
import io.deepmail.core.dns.DnssecStatus;
import io.deepmail.core.dns.SrvRecord;
import io.deepmail.core.tls.DnsId;
import java.net.IDN;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * RFC 6186 discovery of an account's servers from the user's email address (REQUIREMENTS §5.3).
 * Run it at account setup, or when the user asks to re-discover, never on every connect
 * (SRV-01).
 *
 * <p>The six labels are looked up in parallel under the address's domain D, each with its own
 * timeout (SRV-02). A lone {@code "."} target removes the service (SRV-04). A BOGUS or
 * INDETERMINATE label leaves its protocol without candidates, with no guessing of host names,
 * and is reported (SRV-11). Targets are ordered by RFC 2782 within a label (SRV-03) and by
 * priority across labels, Implicit TLS first at equal priority or always under
 * {@link ImplicitTlsPreference#STRICT} (SRV-10). Each candidate carries its trust and reference
 * identifiers (SRV-07, §6.1).
 *
 * <pre>{@code
 * AccountDiscovery discovery = AccountDiscovery.create(DnsLookup.create(resources, DnsOptions.defaults()));
 * discovery.discover("alice@example.com").subscribe(result -> {
 *     List<DiscoveryCandidate> imap = result.candidates(MailProtocol.IMAP);
 *     ...
 * });
 * }</pre>
 *
 * @since 0.1
 */
public final class AccountDiscovery {

    private final DnsLookup dns;
    private final DiscoveryOptions options;
    private final RandomGenerator random;

    private AccountDiscovery(DnsLookup dns, DiscoveryOptions options, RandomGenerator random) {
        this.dns = Objects.requireNonNull(dns, "dns");
        this.options = Objects.requireNonNull(options, "options");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Discovery with the default options.
     *
     * @param dns the DNS lookup
     * @return the discovery
     */
    public static AccountDiscovery create(DnsLookup dns) {
        return create(dns, DiscoveryOptions.defaults());
    }

    /**
     * Discovery with the given options and an unseeded random source.
     *
     * @param dns the DNS lookup
     * @param options the options
     * @return the discovery
     */
    public static AccountDiscovery create(DnsLookup dns, DiscoveryOptions options) {
        return create(dns, options, new SplittableRandom());
    }

    /**
     * Discovery with a given random source for the RFC 2782 weighted order, seeded in tests. The
     * source is used under its own lock, so it need not be thread-safe.
     *
     * @param dns the DNS lookup
     * @param options the options
     * @param random the random source
     * @return the discovery
     */
    public static AccountDiscovery create(DnsLookup dns, DiscoveryOptions options, RandomGenerator random) {
        return new AccountDiscovery(dns, options, random);
    }

    /**
     * Discovers the servers for an email address. With a seeded random source the result depends
     * only on the DNS answers, not on the order in which they arrive.
     *
     * @param emailAddress the user's address, such as {@code alice@example.com}
     * @return the result; an {@link IllegalArgumentException} when the address has no valid domain.
     *     DNS failures are not errors: they are reported in the result
     */
    public Mono<DiscoveryResult> discover(String emailAddress) {
        return Mono.defer(() -> {
            String domain = domainOf(emailAddress);
            return Flux.fromArray(ServiceLabel.values())
                    .flatMapSequential(label -> lookup(label, domain))
                    .collectList()
                    .map(answers -> assemble(domain, answers));
        });
    }

    private record LabelAnswer(ServiceLabel label, DnsAnswer<SrvRecord> answer, @Nullable String failure) {
    }

    private Mono<LabelAnswer> lookup(ServiceLabel label, String domain) {
        String owner = label.ownerName(domain);
        return Mono.defer(() -> dns.srv(owner))
                .map(a -> new LabelAnswer(label, a, null))
                .timeout(options.labelTimeout())
                .onErrorResume(e -> Mono.just(new LabelAnswer(label, DnsAnswer.failed(owner, DnssecStatus.INDETERMINATE),
                        e instanceof TimeoutException
                                ? "no answer for " + owner + " within " + options.labelTimeout().toMillis() + " ms"
                                : "lookup of " + owner + " failed: " + e)));
    }

    private DiscoveryResult assemble(String domain, List<LabelAnswer> answers) {
        Map<ServiceLabel, LabelLookup> labels = new EnumMap<>(ServiceLabel.class);
        Map<ServiceLabel, List<DiscoveryCandidate>> perLabel = new EnumMap<>(ServiceLabel.class);
        synchronized (random) {
            for (LabelAnswer la : answers) {
                List<DiscoveryCandidate> found = new ArrayList<>();
                labels.put(la.label(), examine(la, domain, found));
                perLabel.put(la.label(), found);
            }
        }
        Map<MailProtocol, List<DiscoveryCandidate>> candidates = new EnumMap<>(MailProtocol.class);
        for (MailProtocol p : MailProtocol.values()) {
            ServiceLabel implicit = ServiceLabel.of(p, TransportMode.IMPLICIT);
            ServiceLabel startTls = ServiceLabel.of(p, TransportMode.STARTTLS);
            boolean failed = labels.get(implicit).state() == LabelLookup.State.FAILED
                    || labels.get(startTls).state() == LabelLookup.State.FAILED;
            candidates.put(p, failed ? List.of()
                    : SrvOrdering.merge(perLabel.get(implicit), perLabel.get(startTls), options.preference()));
        }
        return new DiscoveryResult(domain, candidates, labels);
    }

    /** Classifies one label's answer and collects its candidates in RFC 2782 order. */
    private LabelLookup examine(LabelAnswer la, String domain, List<DiscoveryCandidate> found) {
        DnsAnswer<SrvRecord> a = la.answer();
        ServiceLabel label = la.label();
        if (!a.usable()) {
            DnssecStatus status = a.status().usable() ? DnssecStatus.INDETERMINATE : a.status();
            String why = la.failure() != null ? la.failure()
                    : status == DnssecStatus.BOGUS ? "DNSSEC validation failed for " + label.ownerName(domain)
                    : "no usable answer for " + label.ownerName(domain)
                            + " (timeout, refusal, network error or malformed data)";
            return new LabelLookup(label, LabelLookup.State.FAILED, status, why);
        }
        List<SrvRecord> records = a.records();
        if (!records.isEmpty() && records.stream().allMatch(SrvRecord::notProvided)) {
            return new LabelLookup(label, LabelLookup.State.NOT_PROVIDED, a.status(),
                    label.ownerName(domain) + " declares the service not provided");
        }
        boolean secure = a.status() == DnssecStatus.SECURE;
        for (SrvRecord r : SrvOrdering.rfc2782(records, random)) {
            if (r.notProvided() || r.port() == 0) {
                continue;
            }
            try {
                found.add(DiscoveryCandidate.of(label, domain, r.target(), r.port(), r.priority(), r.weight(), secure));
            } catch (IllegalArgumentException e) {
                // A target that is not a host name is no candidate; the others still count.
            }
        }
        return found.isEmpty()
                ? new LabelLookup(label, LabelLookup.State.ABSENT, a.status(), "no usable SRV record at "
                        + label.ownerName(domain))
                : new LabelLookup(label, LabelLookup.State.FOUND, a.status(), found.size() + " target(s) at "
                        + label.ownerName(domain));
    }

    private static String domainOf(String emailAddress) {
        String address = Objects.requireNonNull(emailAddress, "emailAddress").strip();
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            throw new IllegalArgumentException("not an email address: '" + emailAddress + "'");
        }
        String domain = address.substring(at + 1);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        domain = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        return DnsId.of(domain).name();
    }
}
