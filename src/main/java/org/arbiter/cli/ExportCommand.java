package org.arbiter.cli;

import picocli.CommandLine.Command;

/** Placeholder: the exporters land with the export work. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export judgments in training formats.")
public final class ExportCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("export is not built yet");
    }
}
