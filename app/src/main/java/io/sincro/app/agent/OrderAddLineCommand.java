package io.sincro.app.agent;

import java.math.BigDecimal;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.sincro.agent.orders.NewLine;
import io.sincro.agent.orders.OrderDetails;
import io.sincro.agent.orders.PricedLine;
import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationOptions;
import io.sincro.app.output.Figures;
import io.sincro.db.orders.OrderLine;
import io.sincro.db.orders.OrderNumber;

/** {@code sincro order add-line ORDER PRODUCT QUANTITY}: one more line on a draft. */
@Command(name = "add-line",
        mixinStandardHelpOptions = true,
        description = "Adds a line to a draft order. Without --price the customer's effective price is used: its "
                + "special price, else its price list; an error says so when there is none.")
final class OrderAddLineCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ORDER", description = "The draft order, such as A01/000042 or 42.")
    private String order;

    @Parameters(index = "1", paramLabel = "PRODUCT", description = "The product's code.")
    private String product;

    @Parameters(index = "2", paramLabel = "QUANTITY", converter = DecimalConverter.class,
            description = "How many units, above zero (up to 3 decimals).")
    private BigDecimal quantity;

    @Option(names = "--price", paramLabel = "PRICE", converter = DecimalConverter.class,
            description = "The unit price before discount, instead of the effective price.")
    private BigDecimal price;

    @Option(names = "--discount", paramLabel = "PERCENT", converter = DecimalConverter.class,
            description = "The discount in percent, instead of the effective one (0 with --price).")
    private BigDecimal discount;

    private final AppEnvironment environment;

    OrderAddLineCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (AgentSession session = AgentSession.open(options, environment, spec)) {
            OrderNumber number = session.station().orders().number(order);
            OrderLine line = session.station().orders()
                    .addLine(number, new NewLine(product, quantity, price, discount));
            OrderDetails details = session.station().orders().show(number);
            PricedLine added = details.lines().stream().filter(l -> l.line().lineNo() == line.lineNo()).findFirst()
                    .orElseThrow();
            Figures figures = session.figures();
            session.out().println("Added line " + line.lineNo() + " to order " + number + ": "
                    + Figures.plain(line.quantity()) + " x " + line.productCode()
                    + (added.productDescription() == null ? "" : " (" + added.productDescription() + ")")
                    + " at " + figures.priceMoney(line.unitPrice())
                    + (line.discount().signum() == 0 ? "" : " less " + Figures.plain(line.discount()) + "%")
                    + " = " + figures.money(added.amount()) + "; order total " + figures.money(details.total()) + ".");
            session.station().orders().stockWarnings(number).stream().filter(w -> w.lineNo() == line.lineNo())
                    .forEach(w -> options.err().println("warning: " + w.sentence()));
        }
        return 0;
    }
}
