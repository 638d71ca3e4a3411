package io.deepmail.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code deepmail.latches.store} is {@code redis}, or is {@code auto} (the default) and
 * {@code spring.data.redis.url} or {@code spring.data.redis.host} is set.
 */
class RedisLatchStoreCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Binder binder = Binder.get(context.getEnvironment());
        DeepmailProperties.StoreType store = binder.bind("deepmail.latches.store", DeepmailProperties.StoreType.class)
                .orElse(DeepmailProperties.StoreType.AUTO);
        if (store == DeepmailProperties.StoreType.REDIS) {
            return ConditionOutcome.match("deepmail.latches.store is redis");
        }
        if (store != DeepmailProperties.StoreType.AUTO) {
            return ConditionOutcome.noMatch("deepmail.latches.store is " + store);
        }
        boolean configured = binder.bind("spring.data.redis.url", String.class).isBound()
                || binder.bind("spring.data.redis.host", String.class).isBound();
        return configured ? ConditionOutcome.match("spring.data.redis is configured")
                : ConditionOutcome.noMatch("spring.data.redis.url and spring.data.redis.host are not set");
    }
}
