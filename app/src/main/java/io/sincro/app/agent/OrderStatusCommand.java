package io.sincro.app.agent;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.sincro.agent.orders.OrderStatusReport;
import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationOptions;
import io.sincro.app.output.Figures;
import io.sincro.app.output.FormatOption;
import io.sincro.app.output.OutputFormat;
import io.sincro.app.output.Table;
import io.sincro.db.orders.StatusChange;

/** {@code sincro order status [ORDER]}: what became of the agent's orders. */
@Command(name = "status",
        mixinStandardHelpOptions = true,
        description = "What became of an order, or of every order past draft: queued, sent, and what the head office "
                + "reported with the last sync (accepted, rejected with its reason, shipped with the expected "
                + "delivery).")
final class OrderStatusCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Mixin
    private FormatOption format;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ORDER", description = "One order (default: every order past draft).")
    private String order;

    private final AppEnvironment environment;

    OrderStatusCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (AgentSession session = AgentSession.open(options, environment, spec)) {
            List<OrderStatusReport> reports = order == null ? session.station().orders().statuses()
                    : List.of(session.station().orders().status(session.station().orders().number(order)));
            if (order != null && format.format() == OutputFormat.TABLE) {
                OrderStatusReport r = reports.get(0);
                session.out().println("Order " + r.status().number() + " for customer " + r.customerCode() + " of "
                        + r.orderDate() + ": " + r.meaning() + " (since " + Figures.time(r.status().changedAt(), environment.clock().getZone())
                        + ", set by " + r.status().changedBy() + ").");
                return 0;
            }
            if (reports.isEmpty() && format.format() == OutputFormat.TABLE) {
                session.out().println("No order has been submitted yet.");
                return 0;
            }
            Table table = new Table("order", "date", "customer", "name", "status", "since", "set by",
                    "expected delivery", "reason", "meaning");
            for (OrderStatusReport r : reports) {
                StatusChange s = r.status();
                table.add(s.number(), r.orderDate(), r.customerCode(), r.customerName(), s.status().label(),
                        Figures.time(s.changedAt(), environment.clock().getZone()), s.changedBy(), s.expectedDelivery(), s.reason(), r.meaning());
            }
            table.print(session.out(), format.format());
        }
        return 0;
    }
}
