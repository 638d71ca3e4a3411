package io.deepmail.examples.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A WebFlux application on deepmail's Spring Boot auto-configuration: {@code GET /probe/{domain}}
 * probes a domain's mail endpoints without credentials and returns the report as JSON,
 * {@code /actuator/prometheus} shows deepmail's meters, and {@code /} is a small dashboard of the
 * recent probes with their level and cipher mix.
 */
@SpringBootApplication
public class DeepmailWebfluxApplication {

    /**
     * Starts the application.
     *
     * @param args Spring Boot arguments, for example {@code --deepmail.dns.trusted-resolver=127.0.0.1:53}
     */
    public static void main(String[] args) {
        SpringApplication.run(DeepmailWebfluxApplication.class, args);
    }
}
