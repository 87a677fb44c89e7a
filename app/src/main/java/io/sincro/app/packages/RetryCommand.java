package io.sincro.app.packages;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationOptions;
import io.sincro.db.Database;
import io.sincro.sync.StationPackages;

/** {@code sincro packages retry NAME}: the next sync tries a package set aside again. */
@Command(name = "retry",
        mixinStandardHelpOptions = true,
        description = "Has the next sync try a package set aside in rejected/ again, even if its copy in the mailbox"
                + " is unchanged: once the cause of its refusal is fixed at this station.")
final class RetryCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The package's file name, as sincro packages lists it.")
    private String name;

    private final AppEnvironment environment;

    RetryCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        StationFolder station = StationFolder.open(options, environment);
        try (Database database = station.openDatabase()) {
            spec.commandLine().getOut().println(new StationPackages(database, station.folder(), environment.clock())
                    .retry(name));
        }
        return 0;
    }
}
