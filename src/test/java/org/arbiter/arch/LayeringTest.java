package org.arbiter.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.Test;

/**
 * README's layout table, row by row: each package may use only the Arbiter packages its row names ("may use"),
 * and none of the libraries its row forbids ("never"). Each rule carries the reason for its row.
 */
class LayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.arbiter");

    /** A row: classes in {@code pkg} use no Arbiter package outside {@code mayUse} and no library in {@code never}. */
    private static void row(String pkg, String[] mayUse, String[] never, String because) {
        String[] own = new String[mayUse.length + 1];
        own[0] = pkg;
        System.arraycopy(mayUse, 0, own, 1, mayUse.length);
        ArchRule arbiter = classes().that().resideInAPackage(pkg)
                .should().onlyDependOnClassesThat(not(resideInAPackage("org.arbiter..")).or(resideInAnyPackage(own)))
                .because(because);
        arbiter.check(CLASSES);
        if (never.length > 0) {
            noClasses().that().resideInAPackage(pkg).should().dependOnClassesThat().resideInAnyPackage(never)
                    .because(because).check(CLASSES);
        }
    }

    private static String[] of(String... packages) {
        return packages;
    }

    @Test
    void base() {
        row("org.arbiter.base..", of(), of("javafx..", "java.sql..", "java.net..", "tools.jackson.."),
                "the few pure-JDK pieces every floor shares (HTML escaping, percentiles) sit under everything");
    }

    @Test
    void model() {
        row("org.arbiter.model..", of("org.arbiter.base.."), of("javafx..", "java.sql..", "java.net..", "tools.jackson..", "io.javalin.."),
                "the domain (items, steps, judgments) must be usable and testable without UI, SQL, HTTP or JSON");
    }

    @Test
    void json() {
        row("org.arbiter.json..", of("org.arbiter.model..", "org.arbiter.base.."), of("javafx..", "java.sql..", "java.net.http.."),
                "the codec of the native format is shared by the store, the importers, the server and the client, so it sits below all of them");
    }

    @Test
    void store() {
        row("org.arbiter.store..", of("org.arbiter.model..", "org.arbiter.json..", "org.arbiter.base.."), of("javafx..", "java.net.http.."),
                "the local store is the one door to the laptop's database; it knows the domain and its JSON, nothing that uses it");
    }

    @Test
    void importersAndExporters() {
        row("org.arbiter.logic..", of("org.arbiter.model..", "org.arbiter.json..", "org.arbiter.store..", "org.arbiter.base.."),
                of("javafx..", "java.net.http..", "io.javalin.."),
                "import and export run headless on laptops, servers and in CI, through the store's repositories");
    }

    @Test
    void review() {
        row("org.arbiter.review..", of("org.arbiter.model..", "org.arbiter.json..", "org.arbiter.store..", "org.arbiter.base.."),
                of("javafx..", "java.net.."),
                "the review session (what a key does, undo, what is saved) is plain Java that tests drive without a window");
    }

    @Test
    void render() {
        row("org.arbiter.render..", of("org.arbiter.model..", "org.arbiter.json..", "org.arbiter.base.."), of("java.sql..", "io.javalin.."),
                "rendering turns text into HTML from the item alone; it never reads the store or the session");
        noClasses().that().resideInAPackage("org.arbiter.render..").and().resideOutsideOfPackage("org.arbiter.render.fx..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("Markdown, LaTeX and code to HTML run headless (render-check, the report); only render.fx touches JavaFX")
                .check(CLASSES);
    }

    @Test
    void quality() {
        row("org.arbiter.quality..", of("org.arbiter.model..", "org.arbiter.json..", "org.arbiter.logic.exporter..", "org.arbiter.base.."),
                of("javafx..", "java.sql..", "java.net..", "io.javalin.."),
                "the statistics are computed from domain objects, so the laptop, the server and tests can all feed them");
    }

    @Test
    void evidence() {
        row("org.arbiter.evidence..", of("org.arbiter.model..", "org.arbiter.json..", "org.arbiter.base.."),
                of("javafx..", "java.sql..", "io.javalin.."),
                "evidence is computed headless (verify, the server, the window alike) from the item alone, and decides nothing itself");
    }

    @Test
    void wire() {
        row("org.arbiter.wire..", of("org.arbiter.model..", "org.arbiter.json..", "org.arbiter.base.."), of("javafx..", "java.sql..", "io.javalin.."),
                "what server and client say to each other is one definition both sides import, so neither imports the other");
    }

    @Test
    void sync() {
        row("org.arbiter.sync..", of("org.arbiter.model..", "org.arbiter.json..", "org.arbiter.store..", "org.arbiter.wire..", "org.arbiter.base.."),
                of("javafx..", "io.javalin.."),
                "the sync client speaks the wire protocol; it must not be able to reach into the server's store or the window");
    }

    @Test
    void server() {
        row("org.arbiter.server..", of("org.arbiter.model..", "org.arbiter.json..", "org.arbiter.store..", "org.arbiter.logic..",
                        "org.arbiter.evidence..", "org.arbiter.wire..", "org.arbiter.base.."),
                of("javafx.."),
                "the lab server runs headless on a machine with no display; it shares the domain and codec (gold is checked by the typed model.Gold, not by the statistics), never the app");
    }

    @Test
    void dashboard() {
        row("org.arbiter.dashboard..", of("org.arbiter.server..", "org.arbiter.quality..", "org.arbiter.model..", "org.arbiter.json..",
                        "org.arbiter.logic..", "org.arbiter.wire..", "org.arbiter.base.."),
                of("javafx..", "java.sql.."),
                "the lab dashboard puts the quality statistics on the sync server's pages; it reads the database only through the server store, so the server itself never depends on the statistics");
    }

    @Test
    void appAndGui() {
        String[] may = of("org.arbiter.app..", "org.arbiter.gui..", "org.arbiter.model..", "org.arbiter.json..", "org.arbiter.review..",
                "org.arbiter.render..", "org.arbiter.store..", "org.arbiter.sync..", "org.arbiter.logic..", "org.arbiter.evidence..",
                "org.arbiter.base..");
        row("org.arbiter.app..", may, of("io.javalin.."), "the workstation never contains the server, the commands or the benchmarks");
        row("org.arbiter.gui..", may, of("io.javalin.."), "the workstation never contains the server, the commands or the benchmarks");
    }

    @Test
    void benchAndCommandsAreTheTop() {
        noClasses().that().resideOutsideOfPackages("org.arbiter.cli..", "org.arbiter.bench..")
                .and().doNotHaveFullyQualifiedName("org.arbiter.Launcher")
                .should().dependOnClassesThat().resideInAnyPackage("org.arbiter.cli..", "org.arbiter.bench..")
                .because("commands and benchmarks sit on top: only the launcher calls the commands, and only commands run benchmarks")
                .check(CLASSES);
        noClasses().that().resideInAPackage("org.arbiter.bench..")
                .should().dependOnClassesThat().resideInAPackage("org.arbiter.cli..")
                .because("a benchmark is run by its command, never the reverse")
                .check(CLASSES);
    }

    @Test
    void sqlOnlyInTheStores() {
        noClasses().that().resideOutsideOfPackages("org.arbiter.store..", "org.arbiter.server..")
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .because("SQL against the laptop's schema lives in the store's repositories, against the lab's in the server store")
                .check(CLASSES);
    }

    @Test
    void consoleOnlyInCommandsAndBenchmarks() {
        noClasses().that().resideOutsideOfPackages("org.arbiter.cli..", "org.arbiter.bench..")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .because("what reaches a terminal is worded by the commands; everything below reports through return values or exceptions")
                .check(CLASSES);
    }

    @Test
    void noCycles() {
        slices().matching("org.arbiter.(*)..").should().beFreeOfCycles()
                .because("each package is a floor: a cycle would make two floors one").check(CLASSES);
    }
}
