/**
 * Reactive SMTP Submission client on the deepmail core.
 *
 * <p>Empty until the Submission issue lands: no client exists yet.
 */
@NullMarked
package io.deepmail.submission;

import org.jspecify.annotations.NullMarked;
