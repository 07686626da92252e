package org.arbiter.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.input.KeyCode;

import org.arbiter.app.DemoBatch;
import org.arbiter.model.Item;
import org.arbiter.render.fx.ResponsePane;
import org.arbiter.review.Side;
import org.arbiter.store.LocalStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The next pair is parsed and laid out in the panes while the expert reads, and Enter swaps it in: the expert sees
 * exactly the content and layout a plain draw gives, and going back (not the preloaded item) draws the previous one as
 * before.
 */
class NextPairPreloadTest {
    @TempDir
    Path dir;

    private final WindowFixture fx = new WindowFixture();

    @Test
    void enterSwapsInThePreparsedNextResponseWithTheSameContentAndGoingBackStillDrawsThePreviousOne() throws Exception {
        List<Item> items = demoItems();
        Workstation w = openWithNextPairLaidOut();
        try {
            String firstLeft = shownLeftHtml(w);
            script(w, "document.getElementById('drawn').setAttribute('data-was', 'item 1')");

            fx.type(KeyCode.DIGIT2, KeyCode.ENTER); // item 1: left better, submitted
            assertThat(w.session().state().open().item().id()).isEqualTo(items.get(1).id());
            // Swapped in: the element holding the response is the one parsed ahead, not item 1's refilled.
            assertThat(script(w, "String(document.getElementById('drawn').hasAttribute('data-was'))")).isEqualTo("false");
            assertThat(drawnHere(w)).isEqualTo(parsedHere(w, shownLeftHtml(w)));
            assertThat(script(w, "String(document.querySelectorAll('#drawn .step').length > 0)")).isEqualTo("true");
            assertThat(script(w, "String(document.querySelectorAll('[id=drawn]').length)")).isEqualTo("1");
            // Item 1's content now waits in the hidden container for the next preload: it takes no room and moves
            // nothing, so the page lays out exactly as it would without it.
            assertThat(script(w, "document.querySelector('#stage > .pre').getAttribute('data-was')")).isEqualTo("item 1");
            assertThat(script(w, "String(document.querySelector('#stage > .pre').getBoundingClientRect().height)")).isEqualTo("0");
            String layout = "document.documentElement.scrollHeight + ' ' + document.querySelector('#drawn .step').getBoundingClientRect().top";
            String withHidden = script(w, layout);
            script(w, "var p = document.querySelector('#stage > .pre'); p.parentNode.removeChild(p)");
            assertThat(script(w, layout)).isEqualTo(withHidden);

            fx.type(KeyCode.BACK_SPACE); // back to item 1: never preloaded, drawn as before
            assertThat(w.session().state().open().item().id()).isEqualTo(items.get(0).id());
            assertThat(shownLeftHtml(w)).isEqualTo(firstLeft);
            assertThat(drawnHere(w)).isEqualTo(parsedHere(w, firstLeft));
        } finally {
            fx.close(w);
        }
    }

    @Test
    void theSwappedInPairLooksPixelForPixelAsThePlainDrawOfTheSameItem() throws Exception {
        List<Item> items = demoItems();
        Workstation w = openWithNextPairLaidOut();
        try {
            fx.type(KeyCode.DIGIT2, KeyCode.ENTER); // item 2 comes in by the swap of what was laid out ahead
            assertThat(w.session().state().open().item().id()).isEqualTo(items.get(1).id());
            settle();
            System.err.println("PROBE " + script(w, "(function(){var h=document.documentElement.scrollHeight; window.scrollTo(0, 99999); var y=window.pageYOffset; window.scrollTo(0,0); return h + ' maxY=' + y + ' inner=' + window.innerHeight;})()"));
            SceneShot swapped = SceneShot.of(w.window().scene());
            swapped.save(ThemeScreenshotTest.SHOTS.resolve("next-pair-swapped.png"));

            fx.type(KeyCode.BACK_SPACE); // item 1; then item 2 again, now drawn the plain way (item 3 is the one laid out ahead)
            WindowFixture.onFx(() -> {
                w.session().jumpTo(items.get(1).id());
                return 0;
            });
            settle();
            SceneShot plain = SceneShot.of(w.window().scene());
            plain.save(ThemeScreenshotTest.SHOTS.resolve("next-pair-plain.png"));

            int compared = 0;
            for (String pane : List.of("#pane-left", "#pane-right", "#pane-prompt")) {
                // A single-path item shows one pane only.
                javafx.geometry.Bounds b = WindowFixture.onFx(() -> {
                    javafx.scene.Node n = w.window().scene().lookup(pane);
                    return n == null || n.getScene() == null ? null : SceneShot.sceneBounds(n);
                });
                if (b == null) continue;
                compared++;
                int differing = 0;
                // The page's own vertical scroll bar is left out: after a plain redraw WebKit in JavaFX can keep its
                // thumb at a stale length (measured: the plain draw's thumb was wrong here, the swapped one right, and
                // the code before the in-page preload showed the same), which is not what this test is about.
                for (int y = (int) b.getMinY(); y < (int) b.getMaxY(); y++) {
                    for (int x = (int) b.getMinX(); x < (int) b.getMaxX() - SCROLL_BAR; x++) {
                        if (swapped.at(x, y) != plain.at(x, y)) differing++;
                    }
                }
                assertThat(differing).as(pane + ": pixels that differ between the swapped-in and the plainly drawn item 2").isZero();
            }
            assertThat(compared).isPositive();
        } finally {
            fx.close(w);
        }
    }

    /** The demo batch in a new store in the test's folder, in queue order. */
    private Workstation openWithNextPairLaidOut() throws Exception {
        Workstation w = fx.open(LocalStore.open(dir.resolve("arbiter.db")), "ada", dir.resolve("settings.json"));
        WindowFixture.awaitNextPairLaidOut(w);
        return w;
    }

    private List<Item> demoItems() {
        try (LocalStore store = LocalStore.open(dir.resolve("arbiter.db"))) {
            DemoBatch.loadIfEmpty(store);
            return store.items().batch(DemoBatch.NAME);
        }
    }

    /** Width of WebKit's scroll bar in the panes, with a pixel of its border. */
    private static final int SCROLL_BAR = 16;

    /** Web pages paint on the pulses after a change. */
    private static void settle() throws InterruptedException {
        Thread.sleep(1500);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    private static String shownLeftHtml(Workstation w) throws Exception {
        return WindowFixture.onFx(() -> w.window().shownResponse(w.session().state().open().left().response().id()).html());
    }

    /** The HTML as this page serializes it after parsing it (what a plain draw leaves in the DOM). */
    private static String parsedHere(Workstation w, String html) throws Exception {
        return WindowFixture.onFx(() -> {
            ResponsePane left = w.window().pane(Side.LEFT);
            netscape.javascript.JSObject window = (netscape.javascript.JSObject) left.executeScript("window");
            window.setMember("arbiterTestHtml", html);
            return (String) left.executeScript("(function(){var d=document.createElement('div');d.innerHTML=window.arbiterTestHtml;return d.innerHTML;})()");
        });
    }

    /** What the left pane's page holds, less the step focus the window sets after a draw. */
    private static String drawnHere(Workstation w) throws Exception {
        return script(w, "document.getElementById('drawn').innerHTML").replace(" focused\"", "\"");
    }

    private static String script(Workstation w, String js) throws Exception {
        return WindowFixture.onFx(() -> String.valueOf(w.window().pane(Side.LEFT).executeScript(js)));
    }
}
