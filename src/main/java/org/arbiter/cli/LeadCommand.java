package org.arbiter.cli;

import java.util.concurrent.Callable;

import org.arbiter.server.Refusal;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code arbiter server lead add|revoke}: who may open the lab dashboard. */
@Command(name = "lead", mixinStandardHelpOptions = true,
        description = "Add or revoke leads: a lead token opens the lab dashboard (/dashboard on arbiter serve) and pushes nothing.",
        subcommands = {LeadCommand.Add.class, LeadCommand.Revoke.class})
public final class LeadCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a lead; prints their token once, alone on the last line (only its hash is kept).")
    static final class Add implements Callable<Integer> {
        @Option(names = "--db", paramLabel = "JDBC_URL", description = "The server database (or give it before the subcommand).")
        String db;
        @Parameters(paramLabel = "NAME")
        String name;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return ServerCommand.withStore(spec, db,
                    store -> ServerCommand.printToken(spec, "added lead " + name + "; their token for /dashboard", store.addLead(name)));
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a lead's token and end their dashboard sessions at once.")
    static final class Revoke implements Callable<Integer> {
        @Option(names = "--db", paramLabel = "JDBC_URL", description = "The server database (or give it before the subcommand).")
        String db;
        @Parameters(paramLabel = "NAME")
        String name;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return ServerCommand.withStore(spec, db, store -> {
                if (!store.revokeLead(name)) throw Refusal.notFound("no lead named " + name);
                spec.commandLine().getOut().println("revoked lead " + name + ": their token and sessions are refused from now on");
                return 0;
            });
        }
    }
}
