package io.deepmail.imap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Layering of reactive-imap (STYLE §2.1): API → session → codec, never back; wire types depend on no layer. */
class ArchitectureUnitTests {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.deepmail.imap");
    }

    @Test
    @DisplayName("the codec knows neither the session nor the API, nor Reactor")
    void codec() {
        noClasses().that().resideInAPackage("io.deepmail.imap.internal.codec..")
                .should().dependOnClassesThat().resideInAnyPackage("io.deepmail.imap", "io.deepmail.imap.internal",
                        "reactor..")
                .check(classes);
    }

    @Test
    @DisplayName("the session layer does not know the API above it")
    void session() {
        noClasses().that().resideInAPackage("io.deepmail.imap.internal")
                .should().dependOnClassesThat().resideInAPackage("io.deepmail.imap")
                .check(classes);
    }

    @Test
    @DisplayName("command and response records depend on no layer")
    void wireTypes() {
        noClasses().that().resideInAnyPackage("io.deepmail.imap.command..", "io.deepmail.imap.response..")
                .should().dependOnClassesThat().resideInAnyPackage("io.deepmail.imap", "io.deepmail.imap.internal..",
                        "reactor..")
                .check(classes);
    }
}
