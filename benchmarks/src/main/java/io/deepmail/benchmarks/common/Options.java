package io.deepmail.benchmarks.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Command-line options of the form {@code --name value} or {@code --flag}, as the driver passes
 * them to every JVM it starts.
 *
 * @param values the parsed options; a flag maps to {@code "true"}
 */
public record Options(Map<String, String> values) {

    /** Copies the map. */
    public Options {
        values = Map.copyOf(values);
    }

    /**
     * Parses arguments.
     *
     * @param args {@code --name value} pairs and {@code --flag}s
     * @return the options
     */
    public static Options parse(String... args) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("expected --option, got " + a);
            }
            String name = a.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                map.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                map.put(name, args[++i]);
            } else {
                map.put(name, "true");
            }
        }
        return new Options(map);
    }

    /**
     * A required option.
     *
     * @param name the option name
     * @return its value
     */
    public String get(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return v;
    }

    /**
     * An option with a default.
     *
     * @param name the option name
     * @param fallback the default
     * @return its value or the default
     */
    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /**
     * An integer option with a default.
     *
     * @param name the option name
     * @param fallback the default
     * @return its value or the default
     */
    public int getInt(String name, int fallback) {
        String v = values.get(name);
        return v == null ? fallback : Integer.parseInt(v);
    }

    /**
     * A flag.
     *
     * @param name the flag name
     * @return whether it was given
     */
    public boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }
}
