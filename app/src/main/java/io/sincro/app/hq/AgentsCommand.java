package io.sincro.app.hq;

import java.util.concurrent.Callable;

import io.sincro.app.AppEnvironment;
import io.sincro.app.StationFolder;
import io.sincro.app.StationOptions;
import io.sincro.app.output.FormatOption;
import io.sincro.app.output.Table;
import io.sincro.db.Database;
import io.sincro.office.agents.AgentSummary;
import io.sincro.office.agents.AgentsOverview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sincro hq agents}: each agent and what the head office holds of it. */
@Command(name = "agents",
        mixinStandardHelpOptions = true,
        description = "Lists the agents with their customers, special prices and orders.")
final class AgentsCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Mixin
    private FormatOption format;

    @Spec
    private CommandSpec spec;

    private final AppEnvironment environment;

    AgentsCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        StationFolder station = StationFolder.open(options, environment).requireHeadOffice("hq agents");
        try (Database company = station.openDatabase()) {
            Table table = new Table("agent", "name", "e-mail", "customers", "special prices", "orders");
            for (AgentSummary agent : new AgentsOverview(company).agents()) {
                table.add(agent.code(), agent.name(), agent.email(), agent.customers(), agent.specialPrices(),
                        agent.orders());
            }
            table.print(spec.commandLine().getOut(), format.format());
        }
        return 0;
    }
}
