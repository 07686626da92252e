package org.arbiter.evidence;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The evidence floor (STYLE.md): plain Java that a window, the CLI and the server all use. */
class EvidenceLayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.arbiter");

    @Test
    void evidenceKnowsNoUiStoreOrServer() {
        noClasses().that().resideInAPackage("org.arbiter.evidence..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "io.javalin..",
                        "org.arbiter.gui..", "org.arbiter.app..", "org.arbiter.store..", "org.arbiter.server..",
                        "org.arbiter.sync..", "org.arbiter.cli..", "org.arbiter.review..")
                .because("checks run in the background of the window, headless in `arbiter verify` and on the server")
                .check(CLASSES);
    }

    @Test
    void evidenceDoesNotPrint() {
        noClasses().that().resideInAPackage("org.arbiter.evidence..")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .because("a check's output is its result; the CLI decides what to print")
                .check(CLASSES);
    }
}
