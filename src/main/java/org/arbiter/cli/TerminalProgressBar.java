package org.arbiter.cli;

import java.io.PrintWriter;

import org.arbiter.logic.importer.ImportProgress;

/** A one-line bar on stderr, redrawn with \r whenever another percent of the file has been read. */
final class TerminalProgressBar implements ImportProgress {
    private static final int WIDTH = 30;
    private final String label;
    private final PrintWriter err;
    private int shownPercent = -1;

    TerminalProgressBar(String label, PrintWriter err) {
        this.label = label;
        this.err = err;
    }

    @Override
    public void advanced(long bytesRead, long totalBytes) {
        int percent = totalBytes <= 0 ? 100 : (int) Math.min(100, bytesRead * 100 / totalBytes);
        if (percent == shownPercent) return;
        shownPercent = percent;
        int filled = percent * WIDTH / 100;
        err.printf("\r%s [%s%s] %3d%% %d/%d MB", label, "#".repeat(filled), ".".repeat(WIDTH - filled), percent,
                bytesRead >> 20, totalBytes >> 20);
        err.flush();
    }

    @Override
    public void finished() {
        if (shownPercent < 0) return;
        err.print("\r" + " ".repeat(label.length() + WIDTH + 30) + "\r");
        err.flush();
    }
}
