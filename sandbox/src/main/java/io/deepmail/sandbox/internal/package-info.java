/**
 * How the sandbox is put together: its certificate, its DNS zone, the GreenMail servers and the
 * scripted STARTTLS servers. Not an API.
 */
@NullMarked
package io.deepmail.sandbox.internal;

import org.jspecify.annotations.NullMarked;
