package io.sincro.app.hq;

import java.time.ZoneId;
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
import io.sincro.app.output.OutputFormat;
import io.sincro.app.output.Table;
import io.sincro.db.Database;
import io.sincro.db.Origin;
import io.sincro.db.customers.Customer;
import io.sincro.office.desk.CustomerFile;
import io.sincro.office.desk.Desk;

/** {@code sincro hq customers list}: the customers, by code. */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        description = "Lists the customers by code: agent, who created them and when, special prices and orders, and"
                + " whether an agent sent a version with different data ('sincro hq customers show CODE' shows it).")
final class CustomersListCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Mixin
    private FormatOption format;

    @Spec
    private CommandSpec spec;

    @Option(names = "--agent", paramLabel = "CODE", description = "Only the customers assigned to this agent.")
    private String agent;

    @Option(names = "--created-by-agents", description = "Only the customers agents created.")
    private boolean byAgents;

    @Option(names = "--differing", description = "Only the customers an agent sent with different data.")
    private boolean differing;

    @Option(names = "--search", paramLabel = "TEXT", description = "Only those whose code, name, city or VAT number holds TEXT.")
    private String search;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "500", description = "At most N customers (default ${DEFAULT-VALUE}).")
    private int limit;

    private final AppEnvironment environment;

    CustomersListCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        StationFolder station = StationFolder.open(options, environment).requireHeadOffice("hq customers list");
        ZoneId zone = environment.clock().getZone();
        try (Database company = station.openDatabase()) {
            List<CustomerFile> customers = new Desk(company).customers(agent, byAgents ? Origin.AGENT : null, search,
                    differing, limit);
            if (customers.isEmpty() && format.format() == OutputFormat.TABLE) {
                spec.commandLine().getOut().println("No customers match.");
                return 0;
            }
            Table table = new Table("code", "name", "vat number", "city", "agent", "created by", "created at",
                    "special prices", "orders", "differs");
            for (CustomerFile f : customers) {
                Customer c = f.customer();
                table.add(c.code(), c.name(), c.vatNumber(), c.city(), c.agentCode(),
                        c.origin() == Origin.AGENT ? "agent" : "head office", Figures.time(c.createdAt(), zone),
                        f.specialPrices(), f.orders(), f.differences().isEmpty() ? "" : "yes");
            }
            table.print(spec.commandLine().getOut(), format.format());
        }
        return 0;
    }
}
