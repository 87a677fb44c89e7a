package io.sincro.app.agent;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.sincro.agent.orders.OrderDetails;
import io.sincro.agent.orders.PricedLine;
import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationOptions;
import io.sincro.app.output.Figures;
import io.sincro.app.output.FormatOption;
import io.sincro.app.output.OutputFormat;
import io.sincro.app.output.Table;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderLine;

/** {@code sincro order show ORDER}: an order with its lines and total. */
@Command(name = "show",
        mixinStandardHelpOptions = true,
        description = "Shows an order: its customer, status, lines and total (--format csv or json: the lines only).")
final class OrderShowCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Mixin
    private FormatOption format;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ORDER", description = "The order, such as A01/000042 or 42.")
    private String order;

    private final AppEnvironment environment;

    OrderShowCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (AgentSession session = AgentSession.open(options, environment, spec)) {
            OrderDetails details = session.station().orders().show(session.station().orders().number(order));
            Figures figures = session.figures();
            PrintWriter out = session.out();
            Table lines = lines(details, figures);
            if (format.format() != OutputFormat.TABLE) {
                lines.print(out, format.format());
                return 0;
            }
            Order o = details.order();
            out.println("Order     " + o.number() + "  " + o.status().name().toLowerCase());
            out.println("Customer  " + o.customerCode() + "  " + (details.customerName() == null ? "" : details.customerName()));
            out.println("Date      " + o.orderDate());
            if (o.notes() != null) {
                out.println("Notes     " + o.notes());
            }
            out.println();
            if (lines.isEmpty()) {
                out.println("No lines yet; add one with 'sincro order add-line " + o.number() + " PRODUCT QUANTITY'.");
            } else {
                lines.print(out, OutputFormat.TABLE);
            }
            out.println();
            out.println("Total     " + figures.money(details.total()));
        }
        return 0;
    }

    static Table lines(OrderDetails details, Figures figures) {
        Table table = new Table("line", "product", "description", "quantity", figures.header("price"), "discount %",
                figures.header("amount"));
        for (PricedLine priced : details.lines()) {
            OrderLine line = priced.line();
            table.add(line.lineNo(), line.productCode(), priced.productDescription(), Figures.plain(line.quantity()),
                    figures.price(line.unitPrice()), Figures.plain(line.discount()), figures.amount(priced.amount()));
        }
        return table;
    }
}
