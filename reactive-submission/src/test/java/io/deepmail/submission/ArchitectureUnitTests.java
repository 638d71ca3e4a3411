package io.deepmail.submission;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Layering of reactive-submission (STYLE §2.1): API → session → codec, never back. */
class ArchitectureUnitTests {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.deepmail.submission");
    }

    @Test
    @DisplayName("the codec knows neither the session, nor the API, nor Reactor")
    void codecIsBottom() {
        noClasses().that().resideInAPackage("io.deepmail.submission.internal.codec..")
                .should().dependOnClassesThat().resideInAnyPackage("io.deepmail.submission",
                        "io.deepmail.submission.internal", "reactor..")
                .check(classes);
    }

    @Test
    @DisplayName("the API reaches the session only through its entry point")
    void apiUsesSessionOnlyFromTheClient() {
        noClasses().that().resideInAPackage("io.deepmail.submission").and().doNotHaveSimpleName("SubmissionClient")
                .should().dependOnClassesThat().resideInAPackage("io.deepmail.submission.internal")
                .check(classes);
    }

    @Test
    @DisplayName("API value types know nothing of channels or Reactor Netty")
    void valuesAreTransportFree() {
        noClasses().that().resideInAPackage("io.deepmail.submission")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty.channel..", "reactor.netty..")
                .check(classes);
    }
}
