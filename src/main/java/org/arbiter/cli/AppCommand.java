package org.arbiter.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Stage;

import org.arbiter.app.DemoBatch;
import org.arbiter.app.StartupTrace;
import org.arbiter.bench.ColdStartTrace;
import org.arbiter.app.Settings;
import org.arbiter.gui.Workstation;
import org.arbiter.logic.importer.ImportOptions;
import org.arbiter.logic.importer.ImportResult;
import org.arbiter.logic.importer.Importer;
import org.arbiter.render.fx.FxToolkit;
import org.arbiter.render.fx.KatexEngine;
import org.arbiter.store.AnnotatorName;
import org.arbiter.store.LocalStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code arbiter app}: the workstation window. Also what plain {@code arbiter} runs. */
@Command(name = "app", mixinStandardHelpOptions = true, description = {
        "Open the workstation window. On a first start with an empty store it loads the bundled demo batch.",
        "The annotator name comes from 'arbiter login' (the server's name; --annotator may not change it),",
        "else from --annotator (remembered), else it is asked once."})
public final class AppCommand implements Callable<Integer> {
    /** Exit code when --annotator names someone else than the store's logged-in annotator. */
    public static final int NAME_REFUSED = 2;

    @Mixin
    StoreOption store;

    @Option(names = "--annotator", paramLabel = "NAME",
            description = "Who is judging (stamped on every judgment; remembered). Refused on a store logged in as someone else.")
    String annotator;

    @Option(names = "--batch", paramLabel = "NAME", description = "Open this batch (default: where you left off).")
    String batch;

    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = "Batch files to open (any import format); they are imported first, the first one's batch opens.")
    List<Path> files = List.of();

    @Option(names = "--screenshot", paramLabel = "PNG",
            description = "Open, wait until the first pair is drawn, save a PNG of the window and exit (for install checks).")
    Path screenshot;

    @Option(names = "--exit-when-ready", hidden = true,
            description = "Print ready_ms (JVM start to first pair drawn) and exit: the benchmark's cold start.")
    boolean exitWhenReady;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr();
        StartupTrace trace = exitWhenReady ? new ColdStartTrace() : StartupTrace.NONE;
        trace.phase("main");
        // The toolkit starts (0.2–0.6 s) while this thread opens the store and loads the demo batch (the launcher
        // started it already when the command line named the window).
        CompletableFuture<Void> fx = FxToolkit.startInBackground();
        // KaTeX's page (the first WebView: WebKit's own start-up) loads as soon as the toolkit runs, beside the store.
        // It shows nothing, so a refused name below still opens nothing. (Making the window's three panes there too
        // was measured and dropped: on 2 cores it only slowed the store by as much as it saved.) The loading future
        // is held in this frame: only it keeps the page's WebEngine reachable, and a collected engine never finishes
        // loading (the dependent future thenCompose returns does not reference it).
        java.util.concurrent.atomic.AtomicReference<CompletableFuture<KatexEngine>> loading = new java.util.concurrent.atomic.AtomicReference<>();
        CompletableFuture<KatexEngine> katex = fx.thenCompose(started -> {
            CompletableFuture<KatexEngine> f = Workstation.loadKatex();
            loading.set(f);
            return f;
        });
        if (annotator != null && !annotator.isBlank()) {
            // Checked before any window is made: a refused name opens nothing.
            try (LocalStore s = store.open()) {
                AnnotatorName.remember(s.settings(), annotator);
            } catch (AnnotatorName.Refused e) {
                err.println("arbiter app: " + e.getMessage());
                err.flush();
                return NAME_REFUSED;
            }
        }
        try (LocalStore s = store.open()) {
            trace.phase("store_open");
            String openBatch = batch;
            for (Path f : files) {
                ImportResult r = new Importer(s).importFile(f, ImportOptions.detect());
                r.errors().forEach(err::println);
                err.println(r.summary());
                if (!r.ok()) throw new IllegalArgumentException(f + " could not be imported; nothing opened");
                if (openBatch == null && !r.batches().isEmpty()) openBatch = r.batches().iterator().next();
            }
            int demo = DemoBatch.loadIfEmpty(s);
            if (demo > 0) err.println("arbiter: empty store, loaded the demo batch (" + demo + " items) into " + s.file());
            trace.phase("store_ready");
            fx.join();
            trace.phase("fx_started");
            Settings settings = Settings.load(s);
            String name = AnnotatorName.resolve(annotator, settings.store()).orElse(null);
            if (name == null) name = screenshot != null ? AnnotatorName.suggestion() : askName();
            if (name == null || name.isBlank()) {
                err.println("arbiter: no annotator name given; nothing opened");
                return 0; // the user cancelled the question: a choice, not a failure
            }
            AnnotatorName.remember(settings.store(), name);
            settings.loadProblem().ifPresent(p -> err.println("arbiter: " + p + "; using the default display settings"));
            Workstation w = Workstation.open(s, name, openBatch, settings, Clock.systemUTC(), katex);
            trace.phase("katex_and_session");
            CountDownLatch closed = new CountDownLatch(1);
            CompletableFuture<Void> shot = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    Stage stage = new Stage();
                    stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> closed.countDown());
                    w.show(stage);
                    trace.phase("stage_shown");
                    w.window().firstPairShown().thenRun(() -> {
                        trace.ready();
                        if (trace.closeWhenReady()) stage.close();
                    });
                    if (screenshot != null) {
                        w.screenshotWhenDrawn(screenshot).whenComplete((v, ex) -> {
                            if (ex != null) shot.completeExceptionally(ex);
                            else shot.complete(null);
                            stage.close();
                        });
                    }
                } catch (RuntimeException e) {
                    shot.completeExceptionally(e);
                    closed.countDown();
                }
            });
            closed.await();
            loading.set(null);
            w.close();
            if (screenshot != null) {
                shot.get(5, TimeUnit.SECONDS);
                err.println("arbiter: screenshot written to " + screenshot);
            }
            return 0;
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("screenshot failed: " + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        } finally {
            // Only a toolkit that started can be stopped: Platform.exit() on one that failed to start (no
            // display) waits for that start for ever.
            fx.whenComplete((started, failed) -> {
                if (failed == null) Platform.exit();
            });
        }
    }

    /** Asks once on first start, prefilled with the system user name. */
    private static String askName() {
        CompletableFuture<Optional<String>> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            TextInputDialog d = new TextInputDialog(AnnotatorName.suggestion());
            d.setTitle("Arbiter");
            d.setHeaderText("Your name as an annotator (stamped on every judgment)");
            answer.complete(d.showAndWait().map(String::strip));
        });
        return answer.join().orElse(null);
    }
}
