package io.deepmail.benchmarks.driver;

/**
 * How long each measurement runs.
 *
 * @param name {@code smoke} or {@code full}
 * @param warmupBoringSsl warm-up seconds for a peer handshaking with BoringSSL
 * @param warmupJdk warm-up seconds for a peer on the JDK provider (it needs longer for the JIT)
 * @param measureSeconds seconds per repetition
 * @param reps repetitions; the report gives their median, min and max
 */
record Mode(String name, double warmupBoringSsl, double warmupJdk, double measureSeconds, int reps) {

    /** Seconds per scenario, one repetition: keeps the benchmarks compiling and running in CI. */
    static final Mode SMOKE = new Mode("smoke", 1, 1, 1, 1);

    /** The documented run: warm-up 15 s (BoringSSL) and 70 s (JDK), three repetitions of 10 s. */
    static final Mode FULL = new Mode("full", 15, 70, 10, 3);

    /**
     * Warm-up before each further case in a JVM that already ran one (B1, B3): the JIT is warm,
     * connection pools and caches are not.
     *
     * @return seconds
     */
    double caseWarmup() {
        return Math.min(3, warmupBoringSsl);
    }

    double warmup(String tlsProvider) {
        return "jdk".equals(tlsProvider) ? warmupJdk : warmupBoringSsl;
    }

    /** A copy with other durations, for a reduced run named as such. */
    Mode reduced(double warmupBoring, double warmupJ, double measure, int repetitions) {
        return new Mode("reduced", warmupBoring, warmupJ, measure, repetitions);
    }
}
