package io.deepmail.submission;

import io.deepmail.core.testkit.LabEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads a lab user's INBOX over IMAPS with curl, an independent client, as the lab's own status
 * check does: find a message by Subject, fetch its raw bytes, delete it again.
 */
final class LabMailbox {

    private final LabEnvironment env;
    private final String user;
    private final String password;

    LabMailbox(LabEnvironment env, String user, String password) {
        this.env = env;
        this.user = user;
        this.password = password;
    }

    /** The raw message whose Subject holds {@code token}, waiting up to 20 s for local delivery. */
    byte[] awaitMessage(String token) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            String search = new String(curl("/INBOX", "UID SEARCH HEADER Subject " + token), StandardCharsets.US_ASCII);
            List<String> uids = uids(search);
            if (!uids.isEmpty()) {
                byte[] message = curl("/INBOX;UID=" + uids.get(0), null);
                curl("/INBOX", "UID STORE " + String.join(",", uids) + " +FLAGS.SILENT (\\Deleted)");
                curl("/INBOX", "EXPUNGE");
                return message;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no message with Subject " + token + " in " + user + "'s INBOX");
            }
            Thread.sleep(250);
        }
    }

    /**
     * Waits until {@code expected} messages whose Subject holds {@code token} are in the INBOX,
     * lets delivery settle, then returns how many there are (more would be duplicates) and deletes
     * them.
     */
    int awaitCount(String token, int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> uids = List.of();
        while (uids.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(250);
            uids = uids(new String(curl("/INBOX", "UID SEARCH HEADER Subject " + token), StandardCharsets.US_ASCII));
        }
        Thread.sleep(2000);
        uids = uids(new String(curl("/INBOX", "UID SEARCH HEADER Subject " + token), StandardCharsets.US_ASCII));
        if (!uids.isEmpty()) {
            curl("/INBOX", "UID STORE " + String.join(",", uids) + " +FLAGS.SILENT (\\Deleted)");
            curl("/INBOX", "EXPUNGE");
        }
        return uids.size();
    }

    private static List<String> uids(String search) {
        List<String> uids = new ArrayList<>();
        for (String line : search.split("\r?\n")) {
            if (line.startsWith("* SEARCH")) {
                for (String uid : line.substring("* SEARCH".length()).trim().split(" +")) {
                    if (!uid.isEmpty()) {
                        uids.add(uid);
                    }
                }
            }
        }
        return uids;
    }

    private byte[] curl(String path, String command) throws IOException, InterruptedException {
        String host = env.get("LAB_HOST");
        String port = env.get("LAB_IMAPS_PORT");
        List<String> args = new ArrayList<>(List.of("curl", "-sS", "--max-time", "30", "--cacert",
                env.get("LAB_CA_PEM"), "--connect-to", host + ":" + port + ":" + env.get("LAB_IP4") + ":" + port,
                "--user", user + ":" + password, "imaps://" + host + ":" + port + path));
        if (command != null) {
            args.add("-X");
            args.add(command);
        }
        Process p = new ProcessBuilder(args).redirectErrorStream(false).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        if (!p.waitFor(40, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("curl " + path + " " + command + " failed: "
                    + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
