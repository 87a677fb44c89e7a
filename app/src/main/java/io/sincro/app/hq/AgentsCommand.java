package io.sincro.app.hq;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationOptions;
import io.sincro.app.output.Figures;
import io.sincro.app.output.FormatOption;
import io.sincro.app.output.Table;
import io.sincro.db.AgentContents;
import io.sincro.db.Database;
import io.sincro.sync.AgentExchange;
import io.sincro.sync.AgentHealth;
import io.sincro.sync.SyncStatus;

/** {@code sincro hq agents}: each agent, what the head office holds of it and how its sync stands. */
@Command(name = "agents",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the agents with their customers, special prices and orders, and how each one's sync stands:"
                    + " the last package received from the agent and when, the last package from the head office"
                    + " the agent acknowledged, its orders received and not yet exported to the back-end, and the"
                    + " days since the head office last received a package from it ('never' when none arrived)."
        })
final class AgentsCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Mixin
    private FormatOption format;

    @Spec
    private CommandSpec spec;

    @Option(names = "--check", description = "Then say which agents are stuck (a package set aside), overdue"
            + " (nothing from them for more than sync.maxAgeDays days) or have never synced, and exit 1 if any is:"
            + " for monitoring.")
    private boolean check;

    private final AppEnvironment environment;

    AgentsCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        StationFolder station = StationFolder.open(options, environment).requireHeadOffice("hq agents");
        try (Database company = station.openDatabase()) {
            Instant now = environment.clock().instant();
            Table table = new Table("agent", "name", "e-mail", "customers", "special prices", "orders",
                    "last received", "received at", "last acknowledged", "orders pending", "days since sync");
            SyncStatus status = new SyncStatus(company, station.folder());
            List<AgentHealth> health = status.health(now, station.settings().maxAgeDays());
            for (AgentHealth h : health) {
                AgentContents agent = h.agent();
                AgentExchange exchange = h.exchange();
                table.add(agent.agentCode(), agent.name(), agent.email(), agent.customers(), agent.specialPrices(),
                        agent.orders(), sequence(exchange.lastReceived()), Figures.time(exchange.lastReceivedAt(), environment.clock().getZone()),
                        sequence(exchange.lastAcknowledged()), agent.ordersPending(),
                        h.days().isPresent() ? (Object) h.days().getAsLong() : "never");
            }
            table.print(spec.commandLine().getOut(), format.format());
            if (check) {
                return check(status, health, now, station.settings().maxAgeDays());
            }
        }
        return 0;
    }

    /** One line per agent in trouble on the error stream, and exit 1 if any is: for monitoring. */
    private int check(SyncStatus status, List<AgentHealth> health, Instant now, int maxAgeDays) {
        List<String> troubles = new ArrayList<>();
        SyncStatus.SetAside setAside = status.setAside();
        for (AgentHealth h : health) {
            status.trouble(h.exchange(), setAside, now, maxAgeDays).ifPresent(t -> troubles.add("agent "
                    + h.exchange().agentCode() + " " + t));
        }
        PrintWriter err = spec.commandLine().getErr();
        troubles.forEach(t -> err.println("sincro: " + t));
        err.flush();
        return troubles.isEmpty() ? 0 : 1;
    }

    /** A package's sequence number, or nothing for "no package yet" (sequences start at 1). */
    private static Long sequence(long sequence) {
        return sequence == 0 ? null : sequence;
    }
}
