package org.arbiter.review;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ReviewLayeringTest {
    @Test
    void reviewSessionRunsWithoutAWindow() {
        noClasses().that().resideInAPackage("org.arbiter.review..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.arbiter.gui..")
                .because("the review session is driven by tests without a window; the JavaFX view only binds to it")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.arbiter.review"));
    }
}
