package io.sincro.app.hq;

import java.time.LocalDate;
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
import io.sincro.db.orders.OrderStatus;
import io.sincro.office.desk.Desk;
import io.sincro.office.desk.OrderQuery;
import io.sincro.office.desk.ReceivedOrder;

/** {@code sincro hq orders list}: the orders the head office holds, newest first. */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        description = "Lists the orders the head office holds, newest first: agent, customer, date, status and when"
                + " it was set, line count and total.")
final class OrdersListCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Mixin
    private FormatOption format;

    @Spec
    private CommandSpec spec;

    @Option(names = "--agent", paramLabel = "CODE", description = "Only this agent's orders.")
    private String agent;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only orders in this status: ${COMPLETION-CANDIDATES}.")
    private OrderStatus status;

    @Option(names = "--from", paramLabel = "DATE", description = "Only orders dated on or after this day (2026-03-01).")
    private LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Only orders dated on or before this day.")
    private LocalDate to;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "200", description = "At most N orders (default ${DEFAULT-VALUE}).")
    private int limit;

    private final AppEnvironment environment;

    OrdersListCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        StationFolder station = StationFolder.open(options, environment).requireHeadOffice("hq orders list");
        OrderQuery query = new OrderQuery(agent, status, from, to, limit);
        Figures figures = new Figures(station.settings().currency());
        ZoneId zone = environment.clock().getZone();
        try (Database company = station.openDatabase()) {
            List<ReceivedOrder> orders = new Desk(company).orders(query);
            if (orders.isEmpty() && format.format() == OutputFormat.TABLE) {
                spec.commandLine().getOut().println(agent == null && status == null && from == null && to == null
                        ? "No orders yet: they arrive with the agents' syncs." : "No orders match.");
                return 0;
            }
            Table table = new Table("order", "agent", "customer", "name", "date", "status", "since", "lines",
                    figures.header("total"));
            for (ReceivedOrder o : orders) {
                table.add(o.order().number(), o.order().agentCode(), o.order().customerCode(),
                        o.customer() == null ? null : o.customer().name(), o.order().orderDate(),
                        o.status().status().label(), Figures.time(o.status().changedAt(), zone), o.lines().size(),
                        figures.amount(o.total()));
            }
            table.print(spec.commandLine().getOut(), format.format());
        }
        return 0;
    }
}
