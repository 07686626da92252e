package org.arbiter.dashboard;

import java.util.List;

import org.arbiter.quality.report.Svg;
import org.arbiter.server.BatchProgress;
import org.arbiter.server.ImportProgress;

/** Progress as horizontal bars, drawn on the server like the report's plots; style classes only. */
final class ProgressBars {
    private static final int WIDTH = 640;
    private static final int LEFT = 170;
    private static final int ROW = 22;

    private ProgressBars() {
    }

    /** Per batch of the page: judged (item, annotator) pairs of those due, and completed assignments. */
    static String batches(List<BatchProgress> rows) {
        if (rows.isEmpty()) return "";
        Svg s = new Svg(WIDTH, 16 + rows.size() * ROW, "Judged share per batch");
        for (int i = 0; i < rows.size(); i++) {
            BatchProgress b = rows.get(i);
            bar(s, i, b.name(), b.share(), b.completed() + "/" + b.assigned() + " done · " + pct(b.share()),
                    b.name() + ": " + b.judged() + " of " + (long) b.items() * b.assigned() + " judgments due, "
                            + b.completed() + " of " + b.assigned() + " annotators complete");
        }
        return s.toString();
    }

    /** Per import: completed assignments of those made. */
    static String imports(List<ImportProgress> rows) {
        if (rows.isEmpty()) return "";
        Svg s = new Svg(WIDTH, 16 + rows.size() * ROW, "Completed assignments per import");
        for (int i = 0; i < rows.size(); i++) {
            ImportProgress p = rows.get(i);
            double share = p.assigned() == 0 ? 0 : (double) p.completed() / p.assigned();
            bar(s, i, p.source(), share, p.completed() + "/" + p.assigned() + " assignments",
                    p.source() + ": " + p.batches() + " batches, " + p.items() + " items");
        }
        return s.toString();
    }

    private static void bar(Svg s, int i, String name, double share, String label, String title) {
        double y = 8 + i * ROW;
        double full = WIDTH - LEFT - 150;
        s.text(LEFT - 8, y + 12, "end", "", name.length() > 24 ? name.substring(0, 23) + "…" : name);
        s.rect(LEFT, y + 2, full, 14, "track", title);
        s.rect(LEFT, y + 2, full * share, 14, share >= 1 ? "ok" : "bar", title);
        s.text(LEFT + full + 8, y + 13, "start", "", label);
    }

    private static String pct(double v) {
        return Math.round(v * 100) + "%";
    }
}
