package io.deepmail.core.testkit;

import java.security.KeyPair;
import java.util.EnumMap;
import java.util.Map;

/**
 * Key pairs generated once per JVM and reused, so that issuing a certificate costs a signature
 * rather than a key generation. Every CA has its own key; all leaves of one key type share one.
 */
final class Keys {

    private static final Map<KeyType, KeyPair> LEAF = new EnumMap<>(KeyType.class);

    private Keys() {
    }

    /**
     * The shared leaf key of a type, generated on first use.
     *
     * @param type the key type
     * @return the shared key pair
     */
    static synchronized KeyPair leaf(KeyType type) {
        return LEAF.computeIfAbsent(type, KeyType::generate);
    }
}
