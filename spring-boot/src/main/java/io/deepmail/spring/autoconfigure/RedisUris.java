package io.deepmail.spring.autoconfigure;

import io.lettuce.core.RedisURI;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/** The Redis server named by Spring Boot's {@code spring.data.redis.*} properties. */
final class RedisUris {

    private RedisUris() {
    }

    static RedisURI from(Environment environment) {
        Binder binder = Binder.get(environment);
        String url = binder.bind("spring.data.redis.url", String.class).orElse(null);
        if (url != null && !url.isBlank()) {
            return RedisURI.create(url);
        }
        RedisURI.Builder b = RedisURI.builder()
                .withHost(binder.bind("spring.data.redis.host", String.class).orElse("localhost"))
                .withPort(binder.bind("spring.data.redis.port", Integer.class).orElse(RedisURI.DEFAULT_REDIS_PORT))
                .withDatabase(binder.bind("spring.data.redis.database", Integer.class).orElse(0))
                .withSsl(binder.bind("spring.data.redis.ssl.enabled", Boolean.class).orElse(false));
        String password = binder.bind("spring.data.redis.password", String.class).orElse(null);
        if (password != null) {
            String username = binder.bind("spring.data.redis.username", String.class).orElse(null);
            if (username != null) {
                b.withAuthentication(username, password);
            } else {
                b.withPassword(password.toCharArray());
            }
        }
        return b.build();
    }
}
