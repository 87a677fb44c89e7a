package io.sincro.app.hq;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationOptions;
import io.sincro.app.settings.SettingsWriter;
import io.sincro.db.Database;
import io.sincro.office.stations.AgentStations;
import io.sincro.office.stations.PreparedStation;
import io.sincro.office.stations.StationSetup;
import io.sincro.sync.StationHandover;

/** {@code sincro hq prepare-agent CODE --out DIR}: makes an agent's station, ready for its first sync. */
@Command(name = "prepare-agent",
        mixinStandardHelpOptions = true,
        description = {
            "Makes agent CODE's station in DIR: its own empty database (only that agent, its own customer",
            "codes and order numbers) and its sincro.properties with the head office's mailbox settings.",
            "Copy DIR to the agent's laptop; its first sync brings its customers, the catalog and prices."
        })
final class PrepareAgentCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CODE", description = "The agent's code, as in the agents file (e.g. A01).")
    private String agentCode;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The folder to make the station in; it must not exist yet, or be empty.")
    private Path out;

    @Option(names = "--with-password",
            description = "Also write the FTP password into the station's settings (by default the agent enters it).")
    private boolean withPassword;

    private final AppEnvironment environment;

    PrepareAgentCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        StationFolder station = StationFolder.open(options, environment).requireHeadOffice("hq prepare-agent");
        String settings = SettingsWriter.agentStation(station.settings(), agentCode, withPassword);
        try (Database company = station.openDatabase()) {
            PreparedStation prepared = new AgentStations(company, StationSetup.of(StationHandover::carryOn, StationHandover::writeKeys))
                    .prepare(agentCode, environment.workingDirectory().resolve(out), settings);
            PrintWriter printer = spec.commandLine().getOut();
            printer.println("Prepared agent " + prepared.agentCode() + "'s station in " + prepared.directory() + ".");
            printer.println("Its first customer code will be " + prepared.firstCustomerCode()
                    + " and its first order " + prepared.firstOrderNumber() + ".");
            printer.println("Next: sync the head office (sincro sync) so the agent's first sync finds its data.");
        }
        return 0;
    }
}
