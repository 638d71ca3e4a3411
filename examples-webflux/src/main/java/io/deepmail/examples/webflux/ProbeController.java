package io.deepmail.examples.webflux;

import io.deepmail.probe.MailProbe;
import io.deepmail.probe.ProbeReport;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Probes on request and lists the recent reports. */
@RestController
public class ProbeController {

    private final MailProbe probe;
    private final RecentProbes recent;

    /**
     * The controller.
     *
     * @param probe the auto-configured probe
     * @param recent the recent reports
     */
    public ProbeController(MailProbe probe, RecentProbes recent) {
        this.probe = probe;
        this.recent = recent;
    }

    /**
     * Discovers and probes every IMAP, POP3 and Submission endpoint of a domain, without credentials.
     *
     * @param domain a domain or an email address
     * @return the report
     */
    @GetMapping("/probe/{domain}")
    public Mono<ProbeReport> probe(@PathVariable("domain") String domain) {
        return probe.report(domain).doOnNext(recent::add);
    }

    /**
     * The recent reports, newest first.
     *
     * @return the reports
     */
    @GetMapping("/probes/recent")
    public List<ProbeReport> recent() {
        return recent.list();
    }

    /**
     * A query that is neither a domain nor an email address is the client's error.
     *
     * @param e the failure
     * @return 400 with the reason
     */
    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, String>> badQuery(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", String.valueOf(e.getMessage())));
    }
}
