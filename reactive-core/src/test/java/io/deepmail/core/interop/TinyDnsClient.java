package io.deepmail.core.interop;

import io.deepmail.core.MailResources;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryEncoder;
import io.netty.handler.codec.dns.DatagramDnsResponseDecoder;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.udp.UdpClient;

/**
 * The smallest DNS client that can tell what a validating resolver concluded: one UDP query with
 * Netty's DNS codec, RD=1 and an EDNS0 OPT record with DO=1 (Unbound sets AD only for DO=1 or
 * AD=1 queries, and Netty's encoder does not write the AD bit), and the response code, the AD bit
 * and the answer records copied out before Reactor Netty releases the response. The DNS issue
 * builds the real resolver; this only witnesses the lab's zones.
 */
final class TinyDnsClient {

    /** The DO bit in the OPT record's TTL field (RFC 3225). */
    private static final long DNSSEC_OK = 0x8000L;
    private static final int UDP_PAYLOAD = 1232;
    /** The AD bit in the Z field as Netty decodes it: Z, AD, CD from the high bit down. */
    private static final int Z_AUTHENTIC_DATA = 0b010;

    /** One answer record: its type and its RDATA bytes. */
    record Answer(DnsRecordType type, byte[] data) {

        /** The port of an SRV record (priority, weight, port, target). */
        int srvPort() {
            return (data[4] & 0xff) << 8 | data[5] & 0xff;
        }
    }

    /** What the resolver said. */
    record Result(DnsResponseCode code, boolean authenticData, List<Answer> answers) {

        List<Answer> answers(DnsRecordType type) {
            return answers.stream().filter(a -> a.type().equals(type)).toList();
        }
    }

    private final MailResources resources;
    private final InetSocketAddress server;

    TinyDnsClient(MailResources resources, InetSocketAddress server) {
        this.resources = resources;
        this.server = server;
    }

    /** Asks for {@code name}/{@code type}, with DO=1 unless {@code dnssecOk} is false. */
    Mono<Result> query(String name, DnsRecordType type, boolean dnssecOk, Duration timeout) {
        return UdpClient.create()
                .remoteAddress(() -> server)
                .runOn(resources.loops())
                .connect()
                .flatMap(connection -> {
                    connection.addHandlerLast("dns.decoder", new DatagramDnsResponseDecoder())
                            .addHandlerLast("dns.encoder", new DatagramDnsQueryEncoder());
                    return exchange(connection, name, type, dnssecOk)
                            .timeout(timeout)
                            .doFinally(signal -> connection.dispose());
                });
    }

    private Mono<Result> exchange(Connection connection, String name, DnsRecordType type, boolean dnssecOk) {
        int id = ThreadLocalRandom.current().nextInt(1 << 16);
        Mono<Result> answer = connection.inbound().receiveObject()
                .ofType(DnsResponse.class)
                .filter(r -> r.id() == id)
                .map(TinyDnsClient::copy)
                .next();
        return connection.outbound().sendObject(Mono.fromCallable(() -> query(id, name, type, dnssecOk)))
                .then().then(answer);
    }

    private DatagramDnsQuery query(int id, String name, DnsRecordType type, boolean dnssecOk) {
        DatagramDnsQuery q = new DatagramDnsQuery(null, server, id);
        q.setRecursionDesired(true);
        q.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion(name, type));
        q.addRecord(DnsSection.ADDITIONAL, new DefaultDnsRawRecord(".", DnsRecordType.OPT, UDP_PAYLOAD,
                dnssecOk ? DNSSEC_OK : 0L, Unpooled.EMPTY_BUFFER));
        return q;
    }

    /** Runs inside onNext, before Reactor Netty releases the response. */
    private static Result copy(DnsResponse response) {
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < response.count(DnsSection.ANSWER); i++) {
            DnsRecord r = response.recordAt(DnsSection.ANSWER, i);
            byte[] data = new byte[0];
            if (r instanceof DnsRawRecord raw) {
                ByteBuf content = raw.content();
                data = new byte[content.readableBytes()];
                content.getBytes(content.readerIndex(), data);
            }
            answers.add(new Answer(r.type(), data));
        }
        return new Result(response.code(), (response.z() & Z_AUTHENTIC_DATA) != 0, List.copyOf(answers));
    }
}
