/**
 * POP3 sessions: {@link io.deepmail.pop3.internal.Pop3Dialect} plugs greeting, {@code CAPA} and
 * {@code STLS} into the core connector's race; one small flow class per step (greeting, CAPA, STLS,
 * AUTH with the core SASL mechanisms) runs over {@code Pop3Channel}, which installs the codec and the core FIFO exchange
 * engine and holds exchanges back one at a time unless the server offers {@code PIPELINING}.
 */
@NullMarked
package io.deepmail.pop3.internal;

import org.jspecify.annotations.NullMarked;
