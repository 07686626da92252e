package org.arbiter.gui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.image.PixelFormat;
import javafx.stage.Stage;
import javafx.util.Duration;

import org.arbiter.app.PngWriter;
import org.arbiter.evidence.Check;
import org.arbiter.evidence.EvidenceRunner;
import org.arbiter.evidence.code.CodeCheck;
import org.arbiter.evidence.code.CodeLanguage;
import org.arbiter.evidence.code.ExpertTestCheck;
import org.arbiter.evidence.code.ToolchainVersions;
import org.arbiter.evidence.code.Toolchains;
import org.arbiter.evidence.math.MathCheck;
import org.arbiter.app.Settings;
import org.arbiter.app.UserSettings;
import org.arbiter.render.ResponseRenderer;
import org.arbiter.render.code.TokenHighlighter;
import org.arbiter.render.fx.KatexEngine;
import org.arbiter.review.ActiveClock;
import org.arbiter.review.Keymap;
import org.arbiter.review.ReviewSession;
import org.arbiter.store.FormulaFile;
import org.arbiter.store.LocalStore;
import org.arbiter.sync.StrandedJudgments;
import org.arbiter.sync.SyncService;
import org.arbiter.sync.SyncStatus;

/**
 * Everything the window needs, wired once: the review session on the store, KaTeX, the highlighter and
 * the prefetching renderer. The app command and the UI tests both open the workstation through here.
 */
public final class Workstation implements AutoCloseable {
    /** Formulas kept typeset (an LRU in the KaTeX engine). */
    private static final int KATEX_CACHE = 8192;
    private final LocalStore store;
    private final ReviewSession session;
    private final PairRenderer renderer;
    private final Settings settings;
    private final SyncService sync;
    /** Completes once the first pair is drawn (or the window never draws it); the checks wait for it. */
    private final CompletableFuture<Void> firstPairDrawn = new CompletableFuture<>();
    /** The evidence checks (code in a sandbox, math answers) of the item on screen run here. */
    private final ExecutorService evidencePool = ItemChecks.executor(firstPairDrawn);
    /** Turns results into what is recorded; its own thread, so a badge never waits behind the other side's run. */
    private final ExecutorService evidenceRecords = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "evidence-record");
        t.setDaemon(true);
        return t;
    });
    private final List<Check> checks;
    /** The expert's own tests run here, not behind the item checks and the next item's prefetched ones. */
    private final ExecutorService expertPool = ItemChecks.executor(CompletableFuture.completedFuture(null));
    private WorkstationWindow window;
    private final KatexEngine katex;
    /** The formula file, once open (null when it could not be); see {@link #keepFormulas}. */
    private final CompletableFuture<FormulaFile> formulas;

    private Workstation(LocalStore store, ReviewSession session, PairRenderer renderer, KatexEngine katex,
                        CompletableFuture<FormulaFile> formulas, Settings settings, List<Check> checks) {
        this.checks = List.copyOf(checks);
        this.katex = katex;
        this.formulas = formulas;
        this.sync = SyncService.forStore(store);
        this.store = store;
        this.session = session;
        this.renderer = renderer;
        this.settings = settings;
    }

    /** Call off the JavaFX thread (it waits for KaTeX to load); the toolkit must be running. */
    public static Workstation open(LocalStore store, String annotator, String batch, Settings settings, Clock clock) {
        return open(store, annotator, batch, settings, clock, loadKatex());
    }

    /**
     * As above with KaTeX already loading: the app starts it as soon as the toolkit runs, so its page loads while
     * the store opens and the demo batch is read instead of after (0.3–0.8 s of the cold start).
     */
    public static Workstation open(LocalStore store, String annotator, String batch, Settings settings, Clock clock,
                                   CompletableFuture<KatexEngine> katex) {
        return open(store, annotator, batch, settings, clock, settings.loadKeys(), machineChecks(), katex);
    }

    /** Starts loading KaTeX with the window's formula cache; the toolkit must be running. */
    public static CompletableFuture<KatexEngine> loadKatex() {
        return KatexEngine.load(KATEX_CACHE);
    }

    /** As above with the store's own settings table beside the given per-user settings (tests, the benchmark). */
    public static Workstation open(LocalStore store, String annotator, String batch, UserSettings settings, Clock clock) {
        return open(store, annotator, batch, new Settings(settings, store.settings()), clock);
    }

    /** The evidence this machine can give: code run in its sandbox against the item's tests, math answers. */
    public static List<Check> machineChecks() {
        return List.of(CodeCheck.forThisMachine(System.getenv("PATH"), Path.of(System.getProperty("java.io.tmpdir"))), new MathCheck());
    }

    /**
     * As {@link #open(LocalStore, String, String, UserSettings, Clock)} with the key bindings given and no
     * evidence checks: the window alone (the benchmark, and tests whose judging must not depend on a sandbox).
     */
    public static Workstation open(LocalStore store, String annotator, String batch, UserSettings settings, Clock clock,
                                   Keymap.Loaded keys) {
        return open(store, annotator, batch, settings, clock, keys, List.of());
    }

    /** As above with the evidence checks run on each item as it opens; the workstation closes those it is given. */
    public static Workstation open(LocalStore store, String annotator, String batch, UserSettings settings, Clock clock,
                                   Keymap.Loaded keys, List<Check> checks) {
        return open(store, annotator, batch, new Settings(settings, store.settings()), clock, keys, checks);
    }

    private static Workstation open(LocalStore store, String annotator, String batch, Settings settings, Clock clock,
                                    Keymap.Loaded keys, List<Check> checks) {
        return open(store, annotator, batch, settings, clock, keys, checks, loadKatex());
    }

    private static Workstation open(LocalStore store, String annotator, String batch, Settings settings, Clock clock,
                                    Keymap.Loaded keys, List<Check> checks, CompletableFuture<KatexEngine> katex) {
        ReviewSession session = ReviewSession.open(store, annotator, batch, keys.keymap(), new ActiveClock(clock));
        keys.error().ifPresent(session::notice);
        KatexEngine engine = katex.join();
        PairRenderer renderer = new PairRenderer(new ResponseRenderer(), engine, new TokenHighlighter(), session::shownOrder);
        return new Workstation(store, session, renderer, engine, keepFormulas(store, engine, session), settings, checks);
    }

    /**
     * Attaches the formula file beside the store to KaTeX, off the start's critical path (opening it is an SQLite
     * open and a bound check); formulas asked for before it is attached are typeset as always. A file that cannot
     * be opened costs a notice, never the window.
     */
    private static CompletableFuture<FormulaFile> keepFormulas(LocalStore store, KatexEngine engine, ReviewSession session) {
        // The session lives on the JavaFX thread, so notices from here go there.
        Consumer<String> notice = text -> Platform.runLater(() -> session.notice(text));
        return CompletableFuture.supplyAsync(() -> {
            try {
                FormulaFile file = FormulaFile.openBeside(store.file(), KatexEngine.version(), notice);
                engine.keepFormulasIn(new StoredFormulas(file));
                return file;
            } catch (RuntimeException e) {
                notice.accept("formulas are typeset each time they are shown: " + e.getMessage());
                return null;
            }
        }, r -> {
            Thread t = new Thread(r, "formula-file");
            t.setDaemon(true);
            t.start();
        });
    }

    /** Builds and shows the window on the JavaFX thread. */
    public WorkstationWindow show(Stage stage) {
        ToolchainVersions versions = new ToolchainVersions(new Toolchains(System.getenv("PATH")));
        ItemChecks.Sources evidence = new ItemChecks.Sources(new EvidenceRunner(checks, evidencePool), evidenceRecords, item -> {
            CodeLanguage language = item.reference() == null ? null : CodeLanguage.named(item.reference().language());
            return language == null ? "" : versions.of(language);
        });
        CodeCheck code = checks.stream().filter(CodeCheck.class::isInstance).map(CodeCheck.class::cast).findFirst().orElse(null);
        EvidenceRunner expertRunner = new EvidenceRunner(List.of(), expertPool);
        ExpertTestRuns.Runner expertTests = code == null ? null
                : (item, response, source) -> expertRunner.submit(new ExpertTestCheck(code, source), item, response);
        window = new WorkstationWindow(stage, session, renderer, settings.user(), b -> store.items().batch(b), evidence, expertTests);
        window.firstPairShown().whenComplete((v, e) -> firstPairDrawn.complete(null));
        wireSync(window);
        window.show();
        return window;
    }

    /**
     * Sync never holds up work: it runs on its own thread after every submit and on F5, and retries with
     * backoff while the network is away. Without a login the status bar says how to get one.
     */
    private void wireSync(WorkstationWindow w) {
        boolean loggedIn = settings.find(SyncService.KEY_SERVER).isPresent();
        w.showSyncStatus(loggedIn ? "sync: starting" : "sync: not logged in (arbiter login)");
        if (!loggedIn) return;
        sync.addListener(st -> Platform.runLater(() -> w.showSyncStatus(syncText(st))));
        session.addSubmitListener(submitted -> sync.requestSync());
        w.setOnSyncNow(sync::requestSync);
        sync.start();
    }

    static String syncText(SyncStatus st) {
        java.time.format.DateTimeFormatter t = java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneId.systemDefault());
        String base = st.running() ? "syncing…" : st.lastSync() == null ? "never synced" : "synced " + t.format(st.lastSync());
        String error = st.lastError() == null ? "" : " · offline (" + st.lastError() + ")"
                + (st.nextAttempt() == null ? "" : ", retry " + t.format(st.nextAttempt()));
        String stranded = st.stranded().isEmpty() ? "" : " · " + StrandedJudgments.brief(st.stranded());
        return "sync: " + base + " · " + st.pending() + " pending" + stranded + error;
    }

    public ReviewSession session() {
        return session;
    }

    public WorkstationWindow window() {
        return window;
    }

    /**
     * Once the first pair is drawn and the web views have painted, writes a PNG of the window. Completes on
     * the JavaFX thread.
     */
    public CompletableFuture<Path> screenshotWhenDrawn(Path file) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        window.firstPairShown().thenRun(() -> {
            // WebView paints on the pulses after the DOM update; give it a few.
            PauseTransition settle = new PauseTransition(Duration.millis(1500));
            settle.setOnFinished(e -> {
                try {
                    WritableImage img = window.scene().snapshot(null);
                    int w = (int) img.getWidth();
                    int h = (int) img.getHeight();
                    int[] argb = new int[w * h];
                    PixelReader r = img.getPixelReader();
                    r.getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
                    PngWriter.write(file, w, h, argb);
                    done.complete(file);
                } catch (IOException ex) {
                    done.completeExceptionally(new UncheckedIOException("cannot write " + file, ex));
                } catch (RuntimeException ex) {
                    done.completeExceptionally(ex);
                }
            });
            settle.play();
        });
        return done;
    }

    @Override
    public void close() {
        sync.close();
        evidencePool.shutdownNow();
        expertPool.shutdownNow();
        evidenceRecords.shutdownNow();
        for (Check c : checks) {
            if (c instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // A check that cannot delete its build cache leaves temp files only; the window is closing anyway.
                }
            }
        }
        renderer.close();
        FormulaFile file = formulas.join();
        if (file != null) {
            katex.keepFormulasIn(null);
            file.close();
        }
        session.close();
    }
}
