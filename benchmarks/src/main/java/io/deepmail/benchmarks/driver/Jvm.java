package io.deepmail.benchmarks.driver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for child JVMs on this JVM's class path. */
final class Jvm {

    /** Heap and GC flags every measuring JVM gets, the same for every peer. */
    static final List<String> WORKER_FLAGS = List.of("-Xms512m", "-Xmx1g", "-XX:+UseG1GC",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dio.netty.leakDetection.level=disabled");

    private Jvm() {
    }

    static List<String> command(List<String> flags, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }
}
