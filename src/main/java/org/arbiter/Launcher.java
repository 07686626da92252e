package org.arbiter;

import org.arbiter.cli.ArbiterCommand;

/**
 * The jar's entry point. Deliberately not a JavaFX Application: launched from the class path, a main
 * class that extends Application fails with "JavaFX runtime components are missing".
 *
 * <p>Memory and start: the installed app starts the window's JVM with lean options (serial collector, C1 only,
 * native heap trimmed, capped malloc arenas) and a start-up class-data-sharing archive (installer/jpackage/image.cfg,
 * arbiter-cli.sh). The jar cannot set its own JVM; README's benchmark section gives the command line for the same.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        ArbiterCommand.reportUncaughtFailures();
        // A file manager's "open with Arbiter" passes only the file: that means "open it in the app".
        if (args.length == 1 && !args[0].startsWith("-") && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[0]))) {
            args = new String[] {"app", args[0]};
        }
        // The window is what opens: start its toolkit now, beside the command line's parsing and the store's opening
        // (AppCommand waits for this same start). A refused --annotator still opens nothing: no stage is ever made.
        if (args.length == 0 || "app".equals(args[0]) && !java.util.Arrays.asList(args).contains("--help")) {
            org.arbiter.render.fx.FxToolkit.startInBackground();
        }
        System.exit(ArbiterCommand.run(args));
    }
}
