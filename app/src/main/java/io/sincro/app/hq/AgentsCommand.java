package io.sincro.app.hq;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

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
import io.sincro.app.output.OutputFormat;
import io.sincro.app.output.Table;
import io.sincro.app.sync.SyncCommand;
import io.sincro.db.AgentContents;
import io.sincro.db.Database;
import io.sincro.format.StationNotes.ClockSeen;
import io.sincro.format.StationNotes.SyncHealth;
import io.sincro.sync.AgentExchange;
import io.sincro.sync.AgentStanding;
import io.sincro.sync.SyncStatus;
import io.sincro.sync.ledger.AgentHealth;

/** {@code sincro hq agents}: each agent, what the head office holds of it and how its sync stands. */
@Command(name = "agents",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the agents with their customers, special prices and orders, and how each one's sync stands:"
                    + " the last package received from the agent and when, the last package from the head office"
                    + " the agent acknowledged, its orders received and not yet exported to the back-end, and the"
                    + " days since the head office last received a package from it ('never' when none arrived);"
                    + " then what the agent's own packages say: packages set aside at its station, a stream waiting"
                    + " there and why, its last failed sync, and its clock as the head office saw it."
        })
final class AgentsCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Mixin
    private FormatOption format;

    @Spec
    private CommandSpec spec;

    @Option(names = "--check", description = "Then say which agents are stuck (a package set aside here or at"
            + " their station), have a clock off by more than sync.clockToleranceMinutes, are overdue (nothing from"
            + " them for more than sync.maxAgeDays days) or have never synced, and exit 1 if any is: for monitoring.")
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
                    "last received", "received at", "last acknowledged", "orders pending", "days since sync",
                    "set aside there", "waiting there", "last error there", "last error at", "clock");
            boolean aligned = format.format() == OutputFormat.TABLE;
            SyncStatus status = new SyncStatus(company, station.folder());
            List<AgentStanding> standings = status.standings(now, station.settings().maxAgeDays(),
                    SyncCommand.clockTolerance(station.settings()));
            for (AgentStanding standing : standings) {
                AgentContents agent = standing.agent();
                AgentExchange exchange = standing.exchange();
                Optional<SyncHealth> health = exchange.health().filter(h -> h.healthIn().isPresent())
                        .map(AgentHealth::health);
                table.add(agent.agentCode(), agent.name(), agent.email(), agent.customers(), agent.specialPrices(),
                        agent.orders(), sequence(exchange.lastReceived()), Figures.time(exchange.lastReceivedAt(), environment.clock().getZone()),
                        sequence(exchange.lastAcknowledged()), agent.ordersPending(),
                        standing.days().isPresent() ? (Object) standing.days().getAsLong() : "never",
                        health.map(h -> (Object) h.setAside()).orElse(null),
                        health.map(h -> cell(h.waiting().stream().map(w -> w.stream() + ": " + w.reason())
                                .collect(Collectors.joining("; ")), aligned)).orElse(null),
                        health.flatMap(SyncHealth::lastError).map(e -> cell(e.text(), aligned)).orElse(null),
                        health.flatMap(SyncHealth::lastError).map(e -> Figures.time(e.at(), environment.clock().getZone()))
                                .orElse(null),
                        exchange.health().flatMap(AgentHealth::clock).map(AgentsCommand::clock).orElse(null));
            }
            table.print(spec.commandLine().getOut(), format.format());
            if (check) {
                return check(standings);
            }
        }
        return 0;
    }

    /** One line per agent in trouble on the error stream, and exit 1 if any is: for monitoring. */
    private int check(List<AgentStanding> standings) {
        List<String> troubles = new ArrayList<>();
        for (AgentStanding standing : standings) {
            standing.trouble().ifPresent(t -> troubles.add("agent " + standing.agent().agentCode() + " " + t));
        }
        PrintWriter err = spec.commandLine().getErr();
        troubles.forEach(t -> err.println("sincro: " + t));
        err.flush();
        return troubles.isEmpty() ? 0 : 1;
    }

    /** "40 min ahead", "2 h behind", "ok": the agent's clock as the head office last saw it. */
    private static String clock(ClockSeen seen) {
        long minutes = Math.abs(seen.aheadSeconds()) / 60;
        if (minutes == 0) {
            return "ok";
        }
        return (minutes >= 120 ? minutes / 60 + " h" : minutes + " min") + (seen.aheadSeconds() > 0 ? " ahead" : " behind");
    }

    /**
     * A sentence an agent's package brought (checked there: bounded, no control character): cut short
     * in the aligned table, and never read by a spreadsheet as a formula.
     */
    private static String cell(String text, boolean aligned) {
        String shown = aligned && text.length() > 60 ? text.substring(0, 59) + "…" : text;
        return shown.isEmpty() || "=+-@".indexOf(shown.charAt(0)) < 0 ? shown : "'" + shown;
    }

    /** A package's sequence number, or nothing for "no package yet" (sequences start at 1). */
    private static Long sequence(long sequence) {
        return sequence == 0 ? null : sequence;
    }
}
