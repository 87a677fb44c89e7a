package io.sincro.app.hq;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
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
import io.sincro.db.orders.OrderLine;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.StatusChange;
import io.sincro.office.desk.Desk;
import io.sincro.office.desk.ReceivedOrder;

/** {@code sincro hq orders show ORDER}: one order, its customer, lines, total and status history. */
@Command(name = "show",
        mixinStandardHelpOptions = true,
        description = "Shows one order: its customer with the VAT number and address, its lines and total, and every"
                + " status it took, when and by whom. With --format csv or json, its lines only.")
final class OrdersShowCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Mixin
    private FormatOption format;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ORDER", converter = OrderNumberConverter.class,
            description = "The order, such as A01/000042.")
    private OrderNumber number;

    private final AppEnvironment environment;

    OrdersShowCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        StationFolder station = StationFolder.open(options, environment).requireHeadOffice("hq orders show");
        Figures figures = new Figures(station.settings().currency());
        ZoneId zone = environment.clock().getZone();
        PrintWriter out = spec.commandLine().getOut();
        try (Database company = station.openDatabase()) {
            ReceivedOrder o = new Desk(company).order(number).orElseThrow(() -> new IllegalArgumentException(
                    "order " + number + " is not at the head office; 'sincro hq orders list' shows those it holds"));
            Table lines = new Table("line", "product", "quantity", figures.header("price"), "discount %",
                    figures.header("amount"));
            for (OrderLine line : o.lines()) {
                lines.add(line.lineNo(), line.productCode(), Figures.plain(line.quantity()),
                        figures.price(line.unitPrice()), Figures.plain(line.discount()), figures.amount(line.amount()));
            }
            if (format.format() != OutputFormat.TABLE) {
                lines.print(out, format.format());
                return 0;
            }
            out.println("Order     " + o.order().number() + "  " + o.status().status().label() + ", entered by "
                    + (o.order().origin() == Origin.AGENT ? "agent " + o.order().agentCode()
                            : "the head office for agent " + o.order().agentCode()));
            Customer c = o.customer();
            out.println("Customer  " + o.order().customerCode() + (c == null ? "" : "  " + c.name()
                    + (c.vatNumber() == null ? "" : ", VAT " + c.vatNumber())
                    + (c.address() == null ? "" : ", " + c.address()) + (c.city() == null ? "" : ", " + c.city())));
            out.println("Date      " + o.order().orderDate()
                    + (o.order().deliveryDate() == null ? "" : ", delivery wanted " + o.order().deliveryDate()));
            if (o.order().notes() != null) {
                out.println("Notes     " + o.order().notes());
            }
            out.println();
            if (lines.isEmpty()) {
                out.println("No lines.");
            } else {
                lines.print(out, OutputFormat.TABLE);
            }
            out.println();
            out.println("Total     " + figures.money(o.total()));
            out.println();
            out.println("Status history");
            Table history = new Table("when", "status", "by", "expected delivery", "reason");
            for (StatusChange s : o.history()) {
                history.add(Figures.time(s.changedAt(), zone), s.status().label(), s.changedBy(), s.expectedDelivery(),
                        s.reason());
            }
            history.print(out, OutputFormat.TABLE);
        }
        return 0;
    }
}
