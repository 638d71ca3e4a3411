package io.deepmail.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Layering rules of reactive-core (STYLE §2.1, §2.2, §2.12). */
class ArchitectureUnitTests {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.deepmail.core");
    }

    @Test
    @DisplayName("value API packages know nothing of channels, handlers or Reactor Netty")
    void valuePackagesAreTransportFree() {
        noClasses().that().resideInAnyPackage("io.deepmail.core.security..", "io.deepmail.core.tls..",
                        "io.deepmail.core.dns..", "io.deepmail.core.metrics..", "io.deepmail.core.sasl..",
                        "io.deepmail.core.internal.sasl..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty.channel..", "io.netty.handler..",
                        "reactor.netty..")
                .check(classes);
    }

    @Test
    @DisplayName("one Bouncy Castle adapter is the only class that reads ASN.1")
    void oneAsn1Reader() {
        noClasses().that().doNotHaveSimpleName("BcCertificatePatterns")
                .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
                .check(classes);
    }

    @Test
    @DisplayName("exported API signatures never expose an internal type")
    void noInternalTypesInApi() {
        DescribedPredicate<JavaClass> internal = JavaClass.Predicates.resideInAPackage("io.deepmail.core.internal..");
        ArchCondition<JavaMethod> noInternalInSignature = new ArchCondition<>("expose no internal type") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean leaks = internal.test(method.getRawReturnType())
                        || method.getRawParameterTypes().stream().anyMatch(internal::test);
                if (leaks) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " exposes an internal type"));
                }
            }
        };
        methods().that().arePublic().and().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().resideOutsideOfPackage("io.deepmail.core.internal..")
                .should(noInternalInSignature)
                .check(classes);
    }
}
