/**
 * Implementation detail of {@code reactive-core}; not exported, not API.
 */
@NullMarked
package io.deepmail.core.internal.connect;

import org.jspecify.annotations.NullMarked;
