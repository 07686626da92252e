package org.arbiter.quality;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class QualityLayeringTest {
    @Test
    void qualityStatisticsArePureJava() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.arbiter.quality");
        noClasses().that().resideInAnyPackage("org.arbiter.quality..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "java.net..", "io.javalin..",
                        "org.arbiter.store..", "org.arbiter.gui..", "org.arbiter.cli..")
                .because("the report is computed from domain objects, so the desktop store and the sync server can both feed it")
                .check(classes);
    }
}
