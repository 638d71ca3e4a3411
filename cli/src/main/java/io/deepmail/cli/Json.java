package io.deepmail.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.deepmail.core.Endpoint;
import io.deepmail.core.security.SessionSecurity;
import io.deepmail.core.security.SessionSecurityEvent;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** JSON output on Jackson: one document per command, and the one shape of a session security record. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /**
     * Writes one JSON document and a newline.
     *
     * @param out where
     * @param document maps, lists, strings, numbers, booleans
     */
    public static void print(PrintWriter out, Object document) {
        try {
            out.println(MAPPER.writeValueAsString(document));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * The mapper, for tests and readers.
     *
     * @return the shared mapper
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * An endpoint as JSON.
     *
     * @param e the endpoint
     * @return its fields
     */
    public static Map<String, Object> endpoint(Endpoint e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", e.protocol().name());
        m.put("host", e.host());
        m.put("port", e.port());
        m.put("mode", e.mode().name());
        return m;
    }

    /**
     * A session's security record as JSON: what protected it, in the words of REQUIREMENTS §2.
     *
     * @param s the record
     * @param event the session's event, for its timings, if known
     * @return its fields
     */
    public static Map<String, Object> security(SessionSecurity s, @Nullable SessionSecurityEvent event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("endpoint", endpoint(s.endpoint()));
        m.put("remoteAddress", s.remoteAddress().getAddress().getHostAddress() + ":" + s.remoteAddress().getPort());
        m.put("tlsVersion", s.tlsVersion());
        m.put("cipherSuite", s.cipherSuite());
        m.put("authentication", s.authentication().name());
        m.put("tags", s.tags().stream().map(Enum::name).sorted().toList());
        m.put("level", s.level().value());
        m.put("discovery", s.discoveryTrust().name());
        m.put("provider", s.provider().name());
        m.put("peer", s.peerChain().isEmpty() ? null : s.peerChain().get(0).getSubjectX500Principal().getName());
        if (event != null) {
            m.put("connectMillis", event.connectTime().toMillis());
            m.put("handshakeMillis", event.handshakeTime().toMillis());
        }
        m.put("logLine", s.logLine());
        return m;
    }

    /**
     * A failure as JSON: its exit code and its one-line description.
     *
     * @param code the exit code
     * @param failure the failure
     * @return its fields
     */
    public static Map<String, Object> error(ExitCode code, Throwable failure) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("exit", code.code());
        m.put("kind", code.label());
        m.put("type", Failures.unwrap(failure).getClass().getSimpleName());
        m.put("message", Failures.describe(failure));
        return m;
    }
}
