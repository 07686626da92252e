package org.arbiter.cli;

import java.io.PrintWriter;

/** A one-line bar on stderr counting finished checks; cleared before each result line is printed. */
final class CheckProgressBar {
    private static final int WIDTH = 30;
    private final int total;
    private final PrintWriter err;
    private int done;

    CheckProgressBar(int total, PrintWriter err) {
        this.total = total;
        this.err = err;
    }

    synchronized void done() {
        done++;
        draw();
    }

    synchronized void clear() {
        err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
        err.flush();
    }

    private void draw() {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        err.printf("\rchecks [%s%s] %d/%d", "#".repeat(filled), ".".repeat(WIDTH - filled), done, total);
        err.flush();
    }
}
