package io.deepmail.core.testkit;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DefaultDnsResponse;
import io.netty.handler.codec.dns.DnsOpCode;
import io.netty.handler.codec.dns.DnsQuery;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Answers the queries of {@link TestDnsServer} from its zone, on the server's event loop. Logs
 * each query first, then builds the response: follows CNAME rules, fails bogus answers with
 * SERVFAIL unless CD is set, truncates over UDP when asked, delays or drops.
 */
@ChannelHandler.Sharable
final class DnsResponder extends SimpleChannelInboundHandler<DnsQuery> {

    private static final int Z_AD = 0b010;
    private static final int Z_CD = 0b001;
    private static final int DO_BIT = 0x8000;
    private static final int MAX_CNAMES = 8;

    private final boolean tcp;
    private final BiFunction<String, DnsRecordType, TestDnsAnswer> zone;
    private final Consumer<ReceivedDnsQuery> log;

    DnsResponder(boolean tcp, BiFunction<String, DnsRecordType, TestDnsAnswer> zone, Consumer<ReceivedDnsQuery> log) {
        this.tcp = tcp;
        this.zone = zone;
        this.log = log;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DnsQuery query) {
        DnsQuestion question = query.recordAt(DnsSection.QUESTION);
        if (question == null) {
            return;
        }
        boolean cd = (query.z() & Z_CD) != 0;
        log.accept(new ReceivedDnsQuery(normalize(question.name()), question.type(), tcp, query.isRecursionDesired(),
                (query.z() & Z_AD) != 0, cd, dnssecOk(query)));
        TestDnsAnswer first = zone.apply(normalize(question.name()), question.type());
        if (first.silent()) {
            return;
        }
        // Only plain values outlive the query, which is released on return: a delayed response is
        // built when it is sent, so nothing leaks if the server stops first.
        Pending p = new Pending(query.id(), query.isRecursionDesired(), question.name(), question.type(), cd,
                tcp ? null : ((DatagramDnsQuery) query).sender());
        if (first.delay().isZero()) {
            respond(ctx, p, first);
        } else {
            ctx.executor().schedule(() -> respond(ctx, p, first), first.delay().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private record Pending(int id, boolean rd, String name, DnsRecordType type, boolean cd,
            @Nullable InetSocketAddress sender) {
    }

    private void respond(ChannelHandlerContext ctx, Pending p, TestDnsAnswer first) {
        DnsResponse response = p.sender() == null ? new DefaultDnsResponse(p.id(), DnsOpCode.QUERY)
                : new DatagramDnsResponse((InetSocketAddress) ctx.channel().localAddress(), p.sender(), p.id(),
                        DnsOpCode.QUERY);
        response.setRecursionDesired(p.rd()).setRecursionAvailable(true);
        response.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion(p.name(), p.type()));
        fill(response, p.name(), p.type(), first, p.cd());
        ctx.writeAndFlush(response);
    }

    private void fill(DnsResponse response, String name, DnsRecordType type, TestDnsAnswer first, boolean cd) {
        List<DnsRecord> answers = new ArrayList<>();
        String owner = name;
        TestDnsAnswer rule = first;
        boolean authenticated = true;
        boolean bogus = false;
        for (int hops = 0; rule.cname() != null && hops < MAX_CNAMES; hops++) {
            String target = rule.cname().endsWith(".") ? rule.cname() : rule.cname() + ".";
            answers.add(raw(owner, DnsRecordType.CNAME, rule.ttl(), TestDnsRdata.name(target)));
            authenticated &= rule.authenticData();
            bogus |= rule.failsValidation();
            owner = target;
            rule = zone.apply(normalize(target), type);
        }
        authenticated &= rule.authenticData();
        bogus |= rule.failsValidation();
        if (bogus && !cd) {
            release(answers);
            response.setCode(DnsResponseCode.SERVFAIL);
            return;
        }
        if (first.truncateOverUdp() && !tcp) {
            release(answers);
            response.setCode(rule.code());
            response.setTruncated(true);
            return;
        }
        for (byte[] rdata : rule.records()) {
            answers.add(raw(owner, type, rule.ttl(), rdata));
        }
        response.setCode(rule.code());
        answers.forEach(r -> response.addRecord(DnsSection.ANSWER, r));
        if (rule.records().isEmpty()) {
            response.addRecord(DnsSection.AUTHORITY, raw(zoneApex(owner), DnsRecordType.SOA, rule.ttl(),
                    TestDnsRdata.soa((int) rule.ttl())));
        }
        if (authenticated && !bogus) {
            response.setZ(Z_AD);
        }
    }

    private static DnsRecord raw(String owner, DnsRecordType type, long ttl, byte[] rdata) {
        return new DefaultDnsRawRecord(owner, type, ttl, Unpooled.wrappedBuffer(rdata));
    }

    private static void release(List<DnsRecord> records) {
        records.forEach(r -> ((DefaultDnsRawRecord) r).release());
    }

    private static String zoneApex(String owner) {
        String n = normalize(owner);
        int dot = n.indexOf('.');
        return (dot < 0 ? n : n.substring(dot + 1)) + ".";
    }

    private static boolean dnssecOk(DnsQuery query) {
        int n = query.count(DnsSection.ADDITIONAL);
        for (int i = 0; i < n; i++) {
            DnsRecord r = query.recordAt(DnsSection.ADDITIONAL, i);
            if (DnsRecordType.OPT.equals(r.type())) {
                return (r.timeToLive() & DO_BIT) != 0;
            }
        }
        return false;
    }

    static String normalize(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.length() > 1 && n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
