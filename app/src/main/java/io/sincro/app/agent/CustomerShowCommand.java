package io.sincro.app.agent;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.sincro.agent.customers.CustomerDetails;
import io.sincro.agent.customers.SpecialPriceLine;
import io.sincro.agent.orders.OrderSummary;
import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationOptions;
import io.sincro.app.output.Figures;
import io.sincro.app.output.OutputFormat;
import io.sincro.app.output.Table;
import io.sincro.db.customers.Customer;
import io.sincro.db.prices.SpecialPrice;

/** {@code sincro customer show CODE}: one customer, its special prices and its recent orders. */
@Command(name = "show",
        mixinStandardHelpOptions = true,
        description = "Shows a customer with its special prices and its most recent orders.")
final class CustomerShowCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CODE", description = "The customer's code, such as C00001 or A01-00001.")
    private String code;

    private final AppEnvironment environment;

    CustomerShowCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (AgentSession session = AgentSession.open(options, environment, spec)) {
            CustomerDetails details = session.station().customers().show(code);
            Figures figures = session.figures();
            PrintWriter out = session.out();
            Customer c = details.customer();
            out.println("Customer    " + c.code() + "  " + c.name());
            out.println("VAT number  " + orNone(c.vatNumber()));
            out.println("Address     " + orNone(c.address()) + (c.city() == null ? "" : ", " + c.city()));
            out.println("E-mail      " + orNone(c.email()));
            out.println("Phone       " + orNone(c.phone()));
            out.println("Price list  " + orNone(c.priceListCode()));
            out.println("Created by  " + c.origin().name().toLowerCase().replace('_', ' ') + " on "
                    + Figures.time(c.createdAt(), environment.clock().getZone()));
            out.println();
            if (details.specialPrices().isEmpty()) {
                out.println("Special prices: none");
            } else {
                out.println("Special prices:");
                Table prices = new Table("product", "description", figures.header("price"), "discount %",
                        "set by", "set at");
                for (SpecialPriceLine line : details.specialPrices()) {
                    SpecialPrice p = line.price();
                    prices.add(p.productCode(), line.productDescription(), figures.price(p.price()),
                            Figures.plain(p.discount()), p.updatedBy(), Figures.time(p.updatedAt(), environment.clock().getZone()));
                }
                prices.print(out, OutputFormat.TABLE);
            }
            out.println();
            if (details.recentOrders().isEmpty()) {
                out.println("Recent orders: none");
            } else {
                out.println("Recent orders:");
                Table orders = new Table("order", "date", "status", "lines", figures.header("total"));
                for (OrderSummary o : details.recentOrders()) {
                    orders.add(o.order().number(), o.order().orderDate(), o.order().status().name().toLowerCase(),
                            o.lineCount(), figures.amount(o.total()));
                }
                orders.print(out, OutputFormat.TABLE);
            }
        }
        return 0;
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
