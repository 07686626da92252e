package org.arbiter.cli;

import picocli.CommandLine.Command;

/** Placeholder: the importer lands with the import work. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import items from RLHF data files.")
public final class ImportCommand implements Runnable {
    @Override
    public void run() {
        throw new UnsupportedOperationException("import is not built yet");
    }
}
