package org.arbiter.render.fx;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one page a response pane loads: our stylesheet, KaTeX's stylesheet with its fonts inlined as data
 * URLs (no file or network access at all), our script under a nonce, and a Content-Security-Policy that
 * allows nothing else: no network, no other script, no inline event handlers, no frames, no forms.
 */
final class ResponsePage {
    private static final Pattern FONT_SRC = Pattern.compile(
            "src:url\\(fonts/([A-Za-z0-9_-]+)\\.woff2\\) format\\(\"woff2\"\\),url\\(fonts/[A-Za-z0-9_-]+\\.woff\\) format\\(\"woff\"\\),url\\(fonts/[A-Za-z0-9_-]+\\.ttf\\) format\\(\"truetype\"\\)");
    private static volatile String katexCss;

    private ResponsePage() {
    }

    static String html() {
        byte[] n = new byte[16];
        new SecureRandom().nextBytes(n);
        String nonce = HexFormat.of().formatHex(n);
        String csp = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; script-src 'nonce-"
                + nonce + "'; connect-src 'none'; frame-src 'none'; object-src 'none'; media-src 'none'; form-action 'none'; base-uri 'none'";
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + csp + "\">"
                + "<style>" + katexCss() + "</style><style>" + Katex.text("/org/arbiter/render/response.css") + "</style>"
                + "</head><body><div id=\"notice\" class=\"notice\" role=\"status\" style=\"display:none\"></div>"
                + "<div id=\"stage\"><div id=\"drawn\"></div></div><div id=\"raw\"></div>"
                + "<script nonce=\"" + nonce + "\">" + Katex.text("/org/arbiter/render/response.js") + "</script>"
                + "</body></html>";
    }

    /** KaTeX's CSS with each font as an inline TrueType data URL (WebKit in JavaFX reads TrueType reliably). */
    private static String katexCss() {
        String css = katexCss;
        if (css == null) {
            Matcher m = FONT_SRC.matcher(Katex.text("katex.min.css"));
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                String data = Base64.getEncoder().encodeToString(Katex.bytes("fonts/" + m.group(1) + ".ttf"));
                m.appendReplacement(b, Matcher.quoteReplacement("src:url(data:font/ttf;base64," + data + ") format(\"truetype\")"));
            }
            m.appendTail(b);
            css = b.toString();
            katexCss = css;
        }
        return css;
    }
}
