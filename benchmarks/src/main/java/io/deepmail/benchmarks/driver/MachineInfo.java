package io.deepmail.benchmarks.driver;

import io.netty.handler.ssl.OpenSsl;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the run ran on: processors, load, memory, OS, JDK, Netty and BoringSSL versions. */
final class MachineInfo {

    private MachineInfo() {
    }

    /** The three load averages from {@code /proc/loadavg}, or the JMX one-minute value elsewhere. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return String.valueOf(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static JsonObject describe() {
        JsonObject m = new JsonObject()
                .put("nproc", Runtime.getRuntime().availableProcessors())
                .put("loadAvg", loadAverage())
                .put("cpu", cpuModel())
                .put("memTotal", firstLine("/proc/meminfo", "MemTotal"))
                .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"))
                .put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"))
                .put("netty", io.netty.util.Version.identify().getOrDefault("netty-handler",
                        io.netty.util.Version.identify().values().iterator().next()).artifactVersion());
        m.put("boringssl", OpenSsl.isAvailable() ? OpenSsl.versionString() : "unavailable");
        return m;
    }

    private static String cpuModel() {
        return firstLine("/proc/cpuinfo", "model name");
    }

    private static String firstLine(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            for (String l : lines) {
                if (l.startsWith(key)) {
                    return l.substring(l.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }
}
