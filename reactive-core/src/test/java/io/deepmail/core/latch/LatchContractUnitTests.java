package io.deepmail.core.latch;

import static io.deepmail.core.latch.Sessions.IMAPS;
import static io.deepmail.core.latch.Sessions.WAIT;
import static io.deepmail.core.latch.Sessions.account;
import static io.deepmail.core.latch.Sessions.tls13;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.deepmail.core.Account;
import io.deepmail.core.MailClientException;
import io.deepmail.core.PrivacyWarning;
import io.deepmail.core.security.SessionSecurity;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Contracts of lowering (L10, L11) and of what may feed latches (EXT-04). */
class LatchContractUnitTests {

    private static final Set<String> FORBIDDEN = Set.of("reset", "pin", "trust", "accept", "override", "ignore",
            "lower", "allow", "continue", "proceed", "unlatch", "clear");

    private final EventRecorder recorder = new EventRecorder();
    private final LatchService latches = recorder.wire(LatchService.create(LatchStores.inMemory()));
    private final Account alice = account();

    @Test
    @DisplayName("LAT-10: only the explicit reset lowers latches, and it returns the privacy warning")
    void resetIsTheOnlyLowering() {
        latches.admit(alice, tls13(IMAPS)).block(WAIT);
        latches.confirm(alice, IMAPS).block(WAIT);
        LatchState before = latches.state(alice).block(WAIT);
        PrivacyWarning warning = latches.reset(alice, "user removed and re-added the server").block(WAIT);
        assertThat(warning.account()).isEqualTo("alice@example.test");
        assertThat(warning.message()).contains("reset").contains("not detected");
        LatchState after = latches.state(alice).block(WAIT);
        assertThat(after.endpoints()).isEmpty();
        assertThat(after.accountCertificate()).isEqualTo(TagState.NONE);
        assertThat(after.generation()).isEqualTo(before.generation() + 1);
        assertThat(recorder.of(LatchEvent.Reset.class)).singleElement()
                .satisfies(r -> assertThat(r.warning()).isEqualTo(warning));
        // A writer still holding the old generation cannot bring the reset latches back.
        latches.store().merge(alice.latchKey(), before).block(WAIT);
        assertThat(latches.state(alice).block(WAIT).endpoints()).isEmpty();
    }

    private static List<Class<?>> errorTypes() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.deepmail.core");
        return classes.stream().filter(c -> c.isAssignableTo(MailClientException.class))
                .map(JavaClass::reflect).collect(Collectors.toList());
    }

    @Test
    @DisplayName("LAT-10/LAT-11: no error type offers a reset, a pin, or a way to accept the failure")
    void errorsOfferNoWayAround() {
        List<Class<?>> errors = errorTypes();
        assertThat(errors).extracting(Class::getSimpleName)
                .contains("LatchViolationException", "LatchStoreException", "CertificatePathException");
        for (Class<?> type : errors) {
            for (Method m : type.getMethods()) {
                String name = m.getName().toLowerCase(Locale.ROOT);
                assertThat(FORBIDDEN).as(type.getSimpleName() + "." + m.getName())
                        .noneMatch(name::startsWith);
                assertThat(reachesEdits(m.getReturnType())).as(type.getSimpleName() + "." + m.getName()).isFalse();
                for (Parameter p : m.getParameters()) {
                    assertThat(reachesEdits(p.getType())).as(m.toString()).isFalse();
                }
            }
            for (Class<?> c = type; c != null && c != Throwable.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    assertThat(reachesEdits(f.getType())).as(type.getSimpleName() + "." + f.getName()).isFalse();
                }
            }
        }
    }

    /** Types through which an error could hand out a reset, a pin or an acceptance. */
    private static boolean reachesEdits(Class<?> type) {
        Class<?> t = type.isArray() ? type.getComponentType() : type;
        return LatchService.class.isAssignableFrom(t) || LatchStore.class.isAssignableFrom(t)
                || Pin.class.isAssignableFrom(t) || PendingViolation.class.isAssignableFrom(t)
                || PrivacyWarning.class.isAssignableFrom(t) || java.util.function.Function.class.isAssignableFrom(t)
                || Runnable.class.isAssignableFrom(t) || java.util.function.Supplier.class.isAssignableFrom(t);
    }

    @Test
    @DisplayName("EXT-04: latches are raised only from a session's own security record or authenticated capabilities")
    void onlyObservedInputsRaise() {
        Set<Class<?>> allowed = Set.of(Account.class, SessionSecurity.class, AuthenticatedCapabilities.class,
                io.deepmail.core.Endpoint.class, Set.class, java.security.cert.X509Certificate.class, String.class,
                LatchState.class, java.util.Optional.class, List.class, LatchPolicy.class,
                io.deepmail.core.SessionObserver.class, io.deepmail.core.metrics.MailClientMetricsRecorder.class,
                PolicyAdvertisementParser.class, LatchStore.class);
        for (Method m : LatchService.class.getDeclaredMethods()) {
            if (!java.lang.reflect.Modifier.isPublic(m.getModifiers())) {
                continue;
            }
            assertThat(Arrays.asList(m.getParameterTypes())).as(m.toString()).allMatch(allowed::contains);
        }
        // The only raising entry points take what the client itself observed; a String never raises
        // on its own: the one String-list entry point discards data without an authenticated session.
        latches.admit(alice, tls13(IMAPS)).block(WAIT);
        LatchState before = latches.state(alice).block(WAIT);
        latches.applyAdvertisement(alice, java.util.Optional.empty(), IMAPS,
                List.of("Received: from x by y with ESMTPSA (tls TLS_AES_256_GCM_SHA384)")).block(WAIT);
        assertThat(latches.state(alice).block(WAIT)).isEqualTo(before);
    }
}
