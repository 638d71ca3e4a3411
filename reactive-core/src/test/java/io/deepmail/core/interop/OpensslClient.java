package io.deepmail.core.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code openssl s_client} as an independent witness of what a server negotiates. Runs on the
 * calling (JUnit) thread, never on an event loop.
 */
final class OpensslClient {

    /** What s_client reports about one handshake. */
    record View(String protocol, String cipher, boolean verified, String output) {
    }

    private static final Pattern NEW_SESSION = Pattern.compile("(?m)^New, (TLSv1\\.[0-9]), Cipher is (\\S+)$");
    private static final Pattern SESSION_PROTOCOL = Pattern.compile("(?m)^\\s*Protocol\\s*:\\s*(\\S+)$");
    private static final Pattern SESSION_CIPHER = Pattern.compile("(?m)^\\s*Cipher\\s*:\\s*(\\S+)$");
    private static final long TIMEOUT_SECONDS = 20;

    private OpensslClient() {
    }

    /** Whether an {@code openssl} executable runs here. */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            p.getOutputStream().close();
            return p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * One handshake: {@code openssl s_client -connect ip:port -servername name} with the lab CA,
     * the name check and {@code extraArgs} (version, suites, {@code -starttls}); stdin is closed
     * at once, so s_client disconnects right after the handshake.
     */
    static View handshake(String ip, int port, String serverName, Path caFile, List<String> extraArgs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", ip + ":" + port,
                "-servername", serverName, "-CAfile", caFile.toString(), "-verify_hostname", serverName,
                "-verify_return_error"));
        command.addAll(extraArgs);
        Path out = Files.createTempFile("s_client", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("openssl s_client did not finish within " + TIMEOUT_SECONDS + " s: "
                        + command);
            }
            return parse(Files.readString(out, StandardCharsets.UTF_8), command);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /**
     * Reads "New, PROTOCOL, Cipher is CIPHER", which s_client always prints, and checks it against
     * the "Protocol" and "Cipher" lines of its SSL-Session block when one was printed (TLS 1.3
     * prints that block only once a session ticket has arrived).
     */
    static View parse(String output, List<String> command) {
        Matcher m = NEW_SESSION.matcher(output);
        if (!m.find()) {
            throw new AssertionError("no handshake in the output of " + String.join(" ", command) + ":\n" + output);
        }
        String protocol = m.group(1);
        String cipher = m.group(2);
        Matcher p = SESSION_PROTOCOL.matcher(output);
        Matcher c = SESSION_CIPHER.matcher(output);
        while (p.find() && c.find()) {
            if (!p.group(1).equals(protocol) || !c.group(1).equals(cipher)) {
                throw new AssertionError("s_client contradicts itself: " + protocol + "/" + cipher + " vs "
                        + p.group(1) + "/" + c.group(1) + ":\n" + output);
            }
        }
        return new View(protocol, cipher, output.contains("Verification: OK"), output);
    }
}
