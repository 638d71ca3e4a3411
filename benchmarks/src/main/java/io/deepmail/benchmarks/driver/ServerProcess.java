package io.deepmail.benchmarks.driver;

import io.deepmail.benchmarks.server.BenchServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The responder JVM ({@link BenchServer}) and the ports it listens on. */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Map<String, Integer> ports = new HashMap<>();

    ServerProcess(Path pki, String delays, Path log) throws IOException {
        // No session tickets (Netty, like the JDK, issues TLS 1.3 tickets by default): every handshake
        // of every peer is a full one, as B1 asks, whatever each client's own session cache does.
        ProcessBuilder pb = new ProcessBuilder(Jvm.command(List.of("-Xmx1g", "-Dio.netty.leakDetection.level=disabled",
                        "-Djdk.tls.server.enableSessionTicketExtension=false"),
                BenchServer.class.getName(), List.of("--pki", pki.toString(), "--delays", delays)));
        pb.redirectError(log.toFile());
        process = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        String line;
        while ((line = out.readLine()) != null && !"READY".equals(line)) {
            String[] f = line.split(" ");
            if (f.length == 4 && "LISTEN".equals(f[0])) {
                ports.put(f[1] + "/" + f[2], Integer.parseInt(f[3]));
            }
        }
        if (line == null) {
            throw new IOException("the responder JVM ended before it was ready; see " + log);
        }
    }

    int port(String protocol, int delayMillis) {
        Integer p = ports.get(protocol + "/" + delayMillis);
        if (p == null) {
            throw new IllegalArgumentException("no " + protocol + " listener with delay " + delayMillis);
        }
        return p;
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
