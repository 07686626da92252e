package org.arbiter.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.arbiter.json.Json;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Debian's Chromium, headless, driven over the DevTools protocol with the JDK's WebSocket client (no
 * Selenium, no driver binary). One page target; the browser target for downloads. Stopped by PID.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    private final Process process;
    private final Connection page;
    private final Connection browser;

    HeadlessChromium(Path profile) throws Exception {
        process = new ProcessBuilder(BINARY.toString(), "--headless=new", "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
                "--user-data-dir=" + profile, "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--window-size=1280,900", "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        waitFor(() -> Files.exists(portFile) && size(portFile) > 0, Duration.ofSeconds(30), "Chromium's DevToolsActivePort");
        List<String> lines = Files.readAllLines(portFile);
        int port = Integer.parseInt(lines.get(0).strip());
        HttpClient http = HttpClient.newHttpClient();
        browser = new Connection(http, "ws://127.0.0.1:" + port + lines.get(1).strip());
        JsonNode targets = Json.parse(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String pageUrl = null;
        for (JsonNode t : targets) if (t.get("type").asString().equals("page")) pageUrl = t.get("webSocketDebuggerUrl").asString();
        if (pageUrl == null) throw new IllegalStateException("Chromium opened no page: " + targets);
        page = new Connection(http, pageUrl);
        page.call("Page.enable", Json.object());
        page.call("Runtime.enable", Json.object());
    }

    long pid() {
        return process.pid();
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    void navigate(String url) throws Exception {
        page.call("Page.navigate", Json.object().put("url", url));
    }

    /** Evaluates a script in the page (promises awaited) and returns its value. */
    JsonNode eval(String script) throws Exception {
        JsonNode r = page.call("Runtime.evaluate", Json.object().put("expression", script).put("awaitPromise", true).put("returnByValue", true));
        if (r.has("exceptionDetails")) throw new IllegalStateException("script failed: " + r.get("exceptionDetails"));
        return r.get("result").get("value");
    }

    String text(String script) throws Exception {
        JsonNode v = eval(script);
        return v == null || v.isNull() ? null : v.asString();
    }

    /** Waits until the script is true, polling; fails with what the page shows. */
    void waitUntil(String script, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            try {
                JsonNode v = eval(script);
                if (v != null && v.asBoolean()) return;
            } catch (IllegalStateException navigating) {
                // the page is between documents
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + script + "; page: "
                + text("location.href + ' :: ' + document.body.innerText.replace(/\\s+/g, ' ').slice(0, 600)"));
    }

    void allowDownloadsTo(Path dir) throws Exception {
        browser.call("Browser.setDownloadBehavior", Json.object().put("behavior", "allow").put("downloadPath", dir.toString()));
    }

    byte[] screenshot() throws Exception {
        JsonNode metrics = page.call("Page.getLayoutMetrics", Json.object());
        int height = (int) Math.min(6000, Math.ceil(metrics.get("cssContentSize").get("height").asDouble()));
        ObjectNode clip = Json.object().put("x", 0).put("y", 0).put("width", 1280).put("height", height).put("scale", 1);
        ObjectNode params = Json.object().put("format", "png").put("captureBeyondViewport", true);
        params.set("clip", clip);
        return java.util.Base64.getDecoder().decode(page.call("Page.captureScreenshot", params).get("data").asString());
    }

    void emulateDark(boolean dark) throws Exception {
        ObjectNode p = Json.object();
        p.putArray("features").addObject().put("name", "prefers-color-scheme").put("value", dark ? "dark" : "light");
        page.call("Emulation.setEmulatedMedia", p);
    }

    static void waitFor(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        page.close();
        browser.close();
        // By PID: the browser's own helpers (zygote, renderers) first, then the browser.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One DevTools WebSocket: commands by id, answers matched back; events are ignored. */
    private static final class Connection implements WebSocket.Listener {
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();
        private final WebSocket socket;

        Connection(HttpClient http, String url) throws Exception {
            socket = http.newWebSocketBuilder().buildAsync(URI.create(url), this).get(15, TimeUnit.SECONDS);
        }

        JsonNode call(String method, ObjectNode params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            pending.put(id, answer);
            ObjectNode msg = Json.object().put("id", id).put("method", method);
            msg.set("params", params);
            socket.sendText(Json.write(msg), true).get(15, TimeUnit.SECONDS);
            JsonNode r = answer.get(60, TimeUnit.SECONDS);
            if (r.has("error")) throw new IllegalStateException(method + ": " + r.get("error"));
            return r.get("result");
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            synchronized (partial) {
                partial.append(data);
                if (last) {
                    JsonNode msg = Json.parse(partial.toString());
                    partial.setLength(0);
                    if (msg.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                        if (f != null) f.complete(msg);
                    }
                }
            }
            ws.request(1);
            return null;
        }

        void close() {
            socket.abort();
        }
    }
}
