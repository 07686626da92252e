package org.arbiter;

import org.arbiter.cli.ArbiterCommand;

/**
 * The jar's entry point. Deliberately not a JavaFX Application: launched from the class path, a main
 * class that extends Application fails with "JavaFX runtime components are missing".
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(ArbiterCommand.run(args));
    }
}
