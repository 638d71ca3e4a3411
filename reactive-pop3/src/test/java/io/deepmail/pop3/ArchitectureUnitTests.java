package io.deepmail.pop3;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** STYLE §2.1: API → session → codec, one way; the codec knows no Reactor. */
class ArchitectureUnitTests {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.deepmail.pop3");
    }

    @Test
    @DisplayName("the response family depends on neither the client API nor the internals")
    void responsesStandAlone() {
        noClasses().that().resideInAPackage("io.deepmail.pop3.response..")
                .should().dependOnClassesThat().resideInAnyPackage("io.deepmail.pop3", "io.deepmail.pop3.internal..")
                .check(classes);
    }

    @Test
    @DisplayName("the codec knows neither the session nor the client API nor Reactor")
    void codecIsBottom() {
        noClasses().that().resideInAPackage("io.deepmail.pop3.internal.codec..")
                .should().dependOnClassesThat().resideInAnyPackage("io.deepmail.pop3", "io.deepmail.pop3.internal",
                        "reactor..")
                .check(classes);
    }

    @Test
    @DisplayName("API types never reach into the session or codec, except the client handing out the dialect")
    void apiAbove() {
        noClasses().that().resideInAnyPackage("io.deepmail.pop3").and().doNotHaveSimpleName("Pop3Client")
                .should().dependOnClassesThat().resideInAPackage("io.deepmail.pop3.internal..")
                .check(classes);
        noClasses().that().haveSimpleName("Pop3Client")
                .should().dependOnClassesThat().resideInAPackage("io.deepmail.pop3.internal.codec..")
                .check(classes);
    }
}
