package io.sincro.app.hq;

import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationOptions;
import io.sincro.db.Database;
import io.sincro.sync.Republishing;

/** {@code sincro hq republish AGENT|--catalog|--all}: the next sync sends a full package. */
@Command(name = "republish",
        mixinStandardHelpOptions = true,
        description = "Has the next sync send a full package instead of a delta: to one agent (its customers and"
                + " special prices), the catalog (for every agent), or all of them. For an agent whose data went"
                + " wrong, or a package lost for good.")
final class RepublishCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private What what;

    static final class What {
        @Parameters(paramLabel = "AGENT", description = "The agent whose data is sent in full.")
        private String agent;

        @Option(names = "--catalog", description = "The catalog, in full, for every agent.")
        private boolean catalog;

        @Option(names = "--all", description = "The catalog and every agent's data, in full.")
        private boolean all;
    }

    private final AppEnvironment environment;

    RepublishCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        StationFolder station = StationFolder.open(options, environment).requireHeadOffice("hq republish");
        try (Database company = station.openDatabase()) {
            Republishing republishing = new Republishing(company, environment.clock());
            String said = what.all ? republishing.all() : what.catalog ? republishing.catalog()
                    : republishing.agent(what.agent);
            spec.commandLine().getOut().println(Character.toUpperCase(said.charAt(0)) + said.substring(1) + ".");
        }
        return 0;
    }
}
