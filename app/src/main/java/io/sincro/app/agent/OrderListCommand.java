package io.sincro.app.agent;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.sincro.agent.orders.OrderFilter;
import io.sincro.agent.orders.OrderSummary;
import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationOptions;
import io.sincro.app.output.Figures;
import io.sincro.app.output.FormatOption;
import io.sincro.app.output.OutputFormat;
import io.sincro.app.output.Table;
import io.sincro.db.orders.OrderStatus;

/** {@code sincro order list}: the station's orders, newest first. */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        description = "Lists the station's orders, newest first, with their line count and total.")
final class OrderListCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Mixin
    private FormatOption format;

    @Spec
    private CommandSpec spec;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only orders in this status: ${COMPLETION-CANDIDATES}.")
    private OrderStatus status;

    @Option(names = "--customer", paramLabel = "CODE", description = "Only this customer's orders.")
    private String customer;

    private final AppEnvironment environment;

    OrderListCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (AgentSession session = AgentSession.open(options, environment, spec)) {
            List<OrderSummary> orders = session.station().orders()
                    .list(OrderFilter.all().withStatus(status).ofCustomer(customer));
            if (orders.isEmpty() && format.format() == OutputFormat.TABLE) {
                session.out().println("No orders" + (status == null && customer == null ? " yet; start one with"
                        + " 'sincro order new --customer CODE'." : " match."));
                return 0;
            }
            Figures figures = session.figures();
            Table table = new Table("order", "date", "customer", "name", "status", "lines", figures.header("total"));
            for (OrderSummary o : orders) {
                table.add(o.order().number(), o.order().orderDate(), o.order().customerCode(), o.customerName(),
                        o.order().status().name().toLowerCase(), o.lineCount(), figures.amount(o.total()));
            }
            table.print(session.out(), format.format());
        }
        return 0;
    }
}
