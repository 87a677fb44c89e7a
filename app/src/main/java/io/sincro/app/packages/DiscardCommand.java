package io.sincro.app.packages;

import java.io.Console;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationMailbox;
import io.sincro.app.cli.StationOptions;
import io.sincro.db.Database;
import io.sincro.exchange.Mailbox;
import io.sincro.sync.StationPackages;

/** {@code sincro packages discard NAME}: drops a refused or waiting package, so its sender sends it again. */
@Command(name = "discard",
        mixinStandardHelpOptions = true,
        description = "Drops a package set aside or waiting for this station, from rejected/ and from the mailbox;"
                + " its sender still has it and sends it again. Asks first, unless --yes.")
final class DiscardCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The package's file name, as sincro packages lists it.")
    private String name;

    @Option(names = "--yes", description = "Do not ask: for scripts.")
    private boolean yes;

    private final AppEnvironment environment;

    DiscardCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (!yes && !confirmed()) {
            spec.commandLine().getOut().println("Nothing was discarded.");
            return 1;
        }
        StationFolder station = StationFolder.open(options, environment);
        try (Database database = station.openDatabase();
             Mailbox mailbox = StationMailbox.of(station.settings(), environment)) {
            spec.commandLine().getOut().println(new StationPackages(database, station.folder(), environment.clock())
                    .discard(name, mailbox));
        }
        return 0;
    }

    private boolean confirmed() {
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("sincro packages discard asks before it drops " + name + ", and there is"
                    + " no terminal to ask at; add --yes to discard it without asking");
        }
        String answer = console.readLine("Discard %s for good? Its sender sends it again. [y/N] ", name);
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
    }
}
