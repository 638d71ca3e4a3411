package io.deepmail.core.testkit;

import io.deepmail.core.Account;
import io.deepmail.core.auth.Credentials;
import io.deepmail.core.auth.CredentialsProvider;
import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;

/**
 * The interop lab's environment ({@code lab/run/lab.env}, written by {@code lab/lab.sh start}).
 * Integration tests call {@link #require()}: without a running lab they are skipped with the
 * reason, unless {@code DEEPMAIL_LAB_REQUIRED=1} is set (as CI does), which makes a missing lab a
 * failure.
 */
public final class LabEnvironment {

    /** System property naming the env file; the build points it at {@code lab/run/lab.env}. */
    public static final String ENV_FILE_PROPERTY = "deepmail.lab.env";

    /** Whether the reason for skipping was already printed by this JVM. */
    private static final AtomicBoolean SKIP_REPORTED = new AtomicBoolean();

    private final Map<String, String> values;

    private LabEnvironment(Map<String, String> values) {
        this.values = values;
    }

    /**
     * The running lab, or a skipped (or, under {@code DEEPMAIL_LAB_REQUIRED=1}, failed) test.
     *
     * @return the lab environment
     */
    public static LabEnvironment require() {
        Optional<String> problem = Optional.empty();
        LabEnvironment env = null;
        Path file = envFile();
        if (!Files.isRegularFile(file)) {
            problem = Optional.of("interop lab not running: " + file.getFileName()
                    + " not found (start it with lab/lab.sh install && lab/lab.sh start)");
        } else {
            env = load(file);
            if (!env.reachable(env.get("LAB_IP4"), env.port("LAB_IMAPS_PORT"))) {
                problem = Optional.of("interop lab not running: nothing answers on its IMAPS port "
                        + "(start it with lab/lab.sh start)");
            }
        }
        if (problem.isPresent()) {
            if ("1".equals(System.getenv("DEEPMAIL_LAB_REQUIRED"))) {
                throw new AssertionError(problem.get() + "; DEEPMAIL_LAB_REQUIRED=1 makes this a failure");
            }
            if (SKIP_REPORTED.compareAndSet(false, true)) {
                // Surefire and Failsafe print only the skip count; say once, on the console, why.
                System.err.println("[deepmail] " + problem.get() + "; tests that need the lab are skipped");
            }
            Assumptions.abort(problem.get());
        }
        return env;
    }

    private static Path envFile() {
        String configured = System.getenv("DEEPMAIL_LAB_ENV");
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty(ENV_FILE_PROPERTY, "../lab/run/lab.env");
        }
        return Path.of(configured);
    }

    private static LabEnvironment load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new java.util.HashMap<>();
        p.stringPropertyNames().forEach(k -> values.put(k, unquote(p.getProperty(k))));
        return new LabEnvironment(Map.copyOf(values));
    }

    private static String unquote(String v) {
        String s = v.strip();
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private boolean reachable(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A value of the env file.
     *
     * @param key for example {@code LAB_IMAPS_PORT}
     * @return the value
     */
    public String get(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new AssertionError("lab.env has no " + key);
        }
        return v;
    }

    /**
     * A port of the env file.
     *
     * @param key for example {@code LAB_IMAPS_PORT}
     * @return the port
     */
    public int port(String key) {
        return Integer.parseInt(get(key));
    }

    /**
     * A path of the env file.
     *
     * @param key for example {@code LAB_CA_PEM}
     * @return the path
     */
    public Path path(String key) {
        return Path.of(get(key));
    }

    /**
     * A lab user as a password account: {@code LAB_USER1} gives the address and user name, and
     * {@code LAB_USER1_PASSWORD} the password.
     *
     * @param userKey for example {@code LAB_USER1}
     * @return the account, at the default level
     */
    public Account account(String userKey) {
        return Account.builder(get(userKey)).credentials(CredentialsProvider.of(
                new Credentials.Password(get(userKey), get(userKey + "_PASSWORD")))).build();
    }

    /**
     * A lab user as an OAuth 2.0 account: {@code LAB_USER1_TOKEN} is a JWT that the lab's Dovecot
     * validates locally (OAUTHBEARER, XOAUTH2).
     *
     * @param userKey for example {@code LAB_USER1}
     * @return the account, at the default level
     */
    public Account tokenAccount(String userKey) {
        return tokenAccount(userKey, get(userKey + "_TOKEN"));
    }

    /**
     * A lab user as an OAuth 2.0 account whose token carries a wrong signature (its first
     * signature character changed), so the server refuses it as an invalid token.
     *
     * @param userKey for example {@code LAB_USER1}
     * @return the account, at the default level
     */
    public Account forgedTokenAccount(String userKey) {
        String token = get(userKey + "_TOKEN");
        int signature = token.lastIndexOf('.') + 1;
        char changed = token.charAt(signature) == 'A' ? 'B' : 'A';
        return tokenAccount(userKey, token.substring(0, signature) + changed + token.substring(signature + 1));
    }

    private Account tokenAccount(String userKey, String token) {
        return Account.builder(get(userKey)).credentials(CredentialsProvider.of(
                new Credentials.OAuth2Token(get(userKey), token))).build();
    }
}
