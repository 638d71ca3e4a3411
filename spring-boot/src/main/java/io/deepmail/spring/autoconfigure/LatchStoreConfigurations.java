package io.deepmail.spring.autoconfigure;

import io.deepmail.core.latch.LatchStore;
import io.deepmail.core.latch.LatchStores;
import io.deepmail.core.latch.RedisLatchStores;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The latch store: Redis when {@link RedisLatchStoreCondition} holds, else the embedded file store
 * (or memory, when {@code deepmail.latches.store=memory}). Each is disposed when the context closes.
 *
 * @since 0.1
 */
public final class LatchStoreConfigurations {

    private LatchStoreConfigurations() {
    }

    /** Redis through {@link RedisLatchStores}, from the {@code spring.data.redis} properties. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.lettuce.core.RedisClient")
    @Conditional(RedisLatchStoreCondition.class)
    public static class Redis {

        /**
         * The Redis store.
         *
         * @param environment the environment holding {@code spring.data.redis.*}
         * @param properties the properties
         * @return the store
         */
        @Bean(destroyMethod = "dispose")
        @ConditionalOnMissingBean
        public LatchStore latchStore(Environment environment, DeepmailProperties properties) {
            return RedisLatchStores.create(RedisUris.from(environment),
                    properties.getLatches().getRedisCommandTimeout());
        }
    }

    /** The embedded file store, or memory. */
    @Configuration(proxyBeanMethods = false)
    public static class Local {

        /**
         * The embedded or in-memory store.
         *
         * @param properties the properties
         * @return the store
         */
        @Bean(destroyMethod = "dispose")
        @ConditionalOnMissingBean
        public LatchStore latchStore(DeepmailProperties properties) {
            DeepmailProperties.Latches latches = properties.getLatches();
            return switch (latches.getStore()) {
                case MEMORY -> LatchStores.inMemory();
                case REDIS -> throw new IllegalStateException(
                        "deepmail.latches.store=redis needs io.lettuce:lettuce-core on the class path");
                case AUTO, EMBEDDED -> LatchStores.embedded(latches.getFile());
            };
        }
    }
}
