package org.arbiter.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.arbiter.model.Domain;
import org.arbiter.model.Gold;
import org.arbiter.model.Item;
import org.arbiter.model.Judgment;
import org.arbiter.model.Preference;
import org.arbiter.model.Prompt;
import org.arbiter.model.Response;
import org.arbiter.sync.RemoteBatch;
import org.arbiter.sync.SyncClient;
import org.arbiter.sync.SyncTestKit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real browser: headless Chromium logs in with the lead token, sees annotators' pushes
 * (through the real sync API) appear without a reload, downloads an export, and draws its charts; an
 * annotator's token and no token are refused.
 */
class DashboardBrowserTest {
    private static final List<String> MODELS = List.of("atlas-70b", "birch-13b", "cedar-8b", "dune-moe");
    private static final Duration LIVE = Duration.ofSeconds(8);

    @TempDir
    Path dir;

    @Test
    void aLeadLogsInSeesPushesLiveDownloadsAnExportAndTheChartsAreDrawn() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(HeadlessChromium.BINARY), "Chromium not installed (apt-get install chromium)");
        Path profile = Files.createDirectories(dir.resolve("profile"));
        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        try (DashboardLab lab = new DashboardLab(SyncTestKit.jdbcUrl(dir, false), List.of("ana", "ben", "cy", "dov"), null,
                items(24), 3, 8);
             HeadlessChromium chrome = new HeadlessChromium(profile)) {
            // No session: the page sends the browser to the login form, and the API refuses.
            chrome.navigate(lab.url() + "/dashboard");
            chrome.waitUntil("location.pathname === '/dashboard/login' && !!document.getElementById('token')", LIVE);
            assertThat(chrome.eval("fetch('/dashboard/api/overview').then(r => r.status)").asInt()).isEqualTo(401);

            // An annotator's token is refused at the login.
            logIn(chrome, lab.tokens.get("ana"));
            chrome.waitUntil("!!document.querySelector('.error')", LIVE);
            assertThat(chrome.text("document.querySelector('.error').textContent")).contains("annotator's token");
            assertThat(chrome.text("location.pathname")).isEqualTo("/dashboard/login");
            assertThat(chrome.eval("fetch('/dashboard/api/state').then(r => r.status)").asInt()).isEqualTo(401);

            // The lead's token opens the dashboard.
            logIn(chrome, lab.leadToken);
            chrome.waitUntil("location.pathname === '/dashboard' && document.getElementById('judgment-count')?.textContent === '0'", LIVE);
            assertThat(chrome.text("document.getElementById('lead').textContent")).isEqualTo("lead: lea");
            assertThat(chrome.text("document.cookie")).as("the session cookie is HttpOnly").isEmpty();

            // A push through the sync API shows up without a reload (the marker survives only without one).
            chrome.eval("window.__stillTheSamePage = true");
            Instant pushed = Instant.now();
            lab.push("ana", 0);
            chrome.waitUntil("document.getElementById('judgment-count').textContent === '1'", LIVE);
            Duration seen = Duration.between(pushed, Instant.now());
            assertThat(chrome.eval("window.__stillTheSamePage === true").asBoolean()).isTrue();
            // a poll a second, plus the report made again in the background; the bound allows for a busy CI machine
            assertThat(seen).isLessThan(Duration.ofSeconds(8));
            System.out.println("dashboard: a push appeared in the page after " + seen.toMillis() + " ms");

            // The whole lab judges; the page follows, and the charts fill.
            int total = judgeEverything(lab) + 1;
            chrome.waitUntil("document.getElementById('judgment-count').textContent === '" + total + "'", Duration.ofSeconds(20));
            assertThat(chrome.eval("window.__stillTheSamePage === true").asBoolean()).isTrue();
            assertThat(chrome.eval("document.querySelectorAll('#leaderboard-chart svg circle.dot').length").asInt()).isEqualTo(MODELS.size());
            assertThat(chrome.eval("document.querySelectorAll('#left-rate-chart svg rect.band').length").asInt()).isEqualTo(4);
            assertThat(chrome.eval("document.querySelectorAll('#histograms svg').length").asInt()).isEqualTo(4);
            assertThat(chrome.eval("document.querySelectorAll('#alpha-chart svg circle').length").asInt()).isGreaterThanOrEqualTo(3);
            assertThat(chrome.eval("document.querySelectorAll('#batches-chart svg rect.ok').length").asInt()).isEqualTo(3);
            assertThat(chrome.text("document.getElementById('annotators').innerText")).contains("⚑"); // cy always picks the left side
            int rendered = chrome.eval("[...document.querySelectorAll('svg')].filter(s => s.getBoundingClientRect().width > 100).length").asInt();
            assertThat(rendered).isGreaterThanOrEqualTo(9);

            // An export downloads as a file.
            chrome.allowDownloadsTo(downloads);
            chrome.eval("document.querySelector('#exports a[data-format=\"full\"]').click()");
            HeadlessChromium.waitFor(() -> finished(downloads).size() == 1, Duration.ofSeconds(20), "the export download");
            Path file = finished(downloads).get(0);
            assertThat(file.getFileName().toString()).isEqualTo("arbiter-full-expert.jsonl");
            assertThat(Files.readAllLines(file)).hasSize(total).allMatch(l -> l.startsWith("{") && l.contains("\"judgment_id\""));

            // The screenshot shows drawn charts, in light and in dark.
            for (boolean dark : new boolean[] {false, true}) {
                chrome.emulateDark(dark);
                Thread.sleep(300);
                byte[] png = chrome.screenshot();
                Path shot = Path.of("target", dark ? "dashboard-dark.png" : "dashboard.png");
                Files.write(shot, png);
                assertDrawn(png);
            }
        }
    }

    private static void logIn(HeadlessChromium chrome, String token) throws Exception {
        chrome.eval("(() => { const t = document.getElementById('token'); t.value = " + jsString(token)
                + "; document.querySelector('form').submit(); return true; })()");
        Thread.sleep(300);
    }

    private static String jsString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static List<Path> finished(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jsonl")).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** Not blank: many colours, and a fair share of pixels differ from the page background. */
    private static void assertDrawn(byte[] png) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img.getWidth()).isEqualTo(1280);
        assertThat(img.getHeight()).isGreaterThan(900);
        int background = img.getRGB(img.getWidth() - 2, img.getHeight() - 2);
        Set<Integer> colours = new HashSet<>();
        long differing = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y);
                colours.add(rgb);
                if (rgb != background) differing++;
            }
        }
        assertThat(colours.size()).isGreaterThan(50);
        assertThat((double) differing / ((img.getWidth() / 2) * (img.getHeight() / 2))).isGreaterThan(0.03);
    }

    /** Math items over four models, every fourth with a gold preference the report scores. */
    static List<Item> items(int n) {
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String m1 = MODELS.get(i % MODELS.size());
            String m2 = MODELS.get((i + 1 + i / MODELS.size()) % MODELS.size());
            if (m1.equals(m2)) m2 = MODELS.get((i + 2) % MODELS.size());
            List<Response> responses = List.of(new Response("a", m1, "It is " + (2 * i) + "."), new Response("b", m2, "It is " + (2 * i + 1) + "."));
            Gold gold = i % 4 == 0 ? Gold.parse(Map.of("preference", "A>B"), responses) : null;
            out.add(new Item("q" + i, "incoming", Domain.MATH, Prompt.text("What is " + i + " + " + i + "?"), responses, null, gold,
                    Map.of(), List.of()));
        }
        return out;
    }

    /** Every annotator judges every item assigned to them: cy always prefers the left side, ben is fast. */
    private static int judgeEverything(DashboardLab lab) {
        Random random = new Random(16);
        int pushed = 0;
        for (Map.Entry<String, String> who : lab.tokens.entrySet()) {
            String a = who.getKey();
            SyncClient client = new SyncClient(lab.url(), who.getValue());
            for (RemoteBatch b : client.batches()) {
                List<Judgment> js = new ArrayList<>();
                for (Item item : client.items(b.name())) {
                    if (a.equals("ana") && item.id().equals(client.items(client.batches().get(0).name()).get(0).id())) continue;
                    String left = random.nextBoolean() ? "a" : "b";
                    Preference p;
                    if (a.equals("cy")) p = left.equals("a") ? Preference.A_BETTER : Preference.B_BETTER;
                    else p = item.responses().get(0).model().compareTo(item.responses().get(1).model()) < 0 == random.nextDouble() < 0.75
                            ? Preference.A_BETTER : Preference.B_BETTER;
                    long ms = a.equals("ben") ? 1500 + random.nextInt(2500) : 8000 + random.nextInt(90_000);
                    Instant start = Instant.parse("2026-12-01T09:00:00Z").plusSeconds(pushed * 60L);
                    js.add(new Judgment(UUID.randomUUID(), item.id(), item.batch(), a, 1, p, Set.of(), Map.of(), "", List.of(), left,
                            start, start.plusMillis(ms), ms, List.of()));
                }
                client.push(js);
                pushed += js.size();
            }
        }
        return pushed;
    }
}
