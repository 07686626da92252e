package org.arbiter.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layers from STYLE.md, enforced: each rule says why. */
class LayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.arbiter");

    @Test
    void domainKnowsNoInfrastructure() {
        noClasses().that().resideInAPackage("org.arbiter.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "java.net..",
                        "tools.jackson..", "io.javalin..", "org.arbiter.store..", "org.arbiter.logic..")
                .because("the domain (items, steps, judgments) must be usable and testable without UI, SQL, HTTP or JSON")
                .check(CLASSES);
    }

    @Test
    void logicDoesNotReachIntoTheUi() {
        noClasses().that().resideInAnyPackage("org.arbiter.logic..", "org.arbiter.store..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.arbiter.gui..")
                .because("import, export and storage run headless on servers and in CI")
                .check(CLASSES);
    }
}
