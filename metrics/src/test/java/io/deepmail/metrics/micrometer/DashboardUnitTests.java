package io.deepmail.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard only queries series the module really exports: every metric name in every
 * PromQL expression and template query must appear in the Prometheus scrape of a recorder that has
 * seen one of everything.
 */
class DashboardUnitTests {

    static final Path DASHBOARD = Path.of("dashboards", "deepmail-mail-client.json");

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan");

    /** The series names of a Prometheus text scrape. */
    static Set<String> seriesNames(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                Matcher m = IDENTIFIER.matcher(line);
                if (m.lookingAt()) {
                    names.add(m.group());
                }
            }
        }
        return names;
    }

    /** The metric names a PromQL expression selects. */
    static Set<String> metricNames(String promql) {
        String s = promql.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\$\\{[^}]*}", "")
                .replaceAll("\\$\\w+", "")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            String token = m.group();
            int next = m.end();
            while (next < s.length() && Character.isWhitespace(s.charAt(next))) {
                next++;
            }
            boolean function = next < s.length() && s.charAt(next) == '(';
            if (!function && !KEYWORDS.contains(token.toLowerCase(Locale.ROOT))) {
                names.add(token);
            }
        }
        return names;
    }

    /** Every PromQL string of the dashboard: panel target expressions and template variable queries. */
    private static void collect(Object node, String key, List<String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collect(v, (String) k, out));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collect(v, key, out));
        } else if (node instanceof String s && (key.equals("expr") || key.equals("definition")
                || key.equals("query") && s.contains("("))) {
            out.add(promql(s));
        }
    }

    /** A template query {@code label_values(selector, label)} reduced to its selector; PromQL unchanged. */
    private static String promql(String query) {
        String q = query.strip();
        return q.startsWith("label_values(") ? q.substring("label_values(".length()).split("[,)]")[0] : q;
    }

    private static List<String> queries() throws Exception {
        Object json = MiniJson.parse(Files.readString(DASHBOARD, StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        collect(json, "", out);
        return out;
    }

    @Test
    @DisplayName("every metric the dashboard queries is one the module registers, under its Prometheus name")
    void dashboardQueriesRegisteredMeters() throws Exception {
        Set<String> exported = seriesNames(PrometheusScrapeUnitTests.scrape());
        List<String> queries = queries();
        assertThat(queries).hasSizeGreaterThan(10);
        Set<String> used = new TreeSet<>();
        for (String q : queries) {
            Set<String> names = metricNames(q);
            assertThat(names).as("metric names in %s", q).isNotEmpty();
            used.addAll(names);
        }
        assertThat(used).allSatisfy(name -> assertThat(exported).as("exported series").contains(name));
    }

    @Test
    @DisplayName("the dashboard shows what the issue asks for: versions, ciphers, level 1, modes, DANE, latches, latency, DNSSEC")
    void dashboardCoversTheIssue() throws Exception {
        Set<String> used = new TreeSet<>();
        queries().forEach(q -> used.addAll(metricNames(q)));
        assertThat(used).contains("mail_client_connections_total", "mail_client_dane_verifications_total",
                "mail_client_latch_findings_total", "mail_client_tls_handshake_duration_seconds_bucket",
                "mail_client_dns_lookup_duration_seconds_count", "mail_client_connect_fallbacks_total",
                "mail_client_idle_sessions", "mail_client_idle_refreshes_total", "mail_client_submissions_total",
                "mail_client_submission_bytes_total", "mail_client_pool_acquired", "mail_client_pool_idle",
                "mail_client_pool_pending", "mail_client_pool_allocated");
        String all = String.join("\n", queries());
        assertThat(all).contains("by (tls_version)", "by (cipher)", "level=\"1\"", "by (mode)", "by (result)",
                "by (status)", "histogram_quantile(0.95");
    }

    @Test
    @DisplayName("the PromQL name extraction ignores functions, labels, ranges, grouping and Grafana variables")
    void extraction() {
        assertThat(metricNames("histogram_quantile(0.99, sum by (le) (rate(a_bucket{protocol=~\"$protocol\"}"
                + "[$__rate_interval])))")).containsExactly("a_bucket");
        assertThat(metricNames("sum(increase(x_total{level=\"1\"}[$__range])) / sum(increase(x_total[5m]))"))
                .containsExactly("x_total");
        assertThat(metricNames("sum by (protocol) (g)")).containsExactly("g");
    }
}
