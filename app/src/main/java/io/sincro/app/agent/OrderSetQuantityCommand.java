package io.sincro.app.agent;

import java.math.BigDecimal;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationOptions;
import io.sincro.app.output.Figures;
import io.sincro.db.orders.OrderLine;
import io.sincro.db.orders.OrderNumber;

/** {@code sincro order set-quantity ORDER LINE QUANTITY}: changes how many of a line's product. */
@Command(name = "set-quantity",
        mixinStandardHelpOptions = true,
        description = "Changes the quantity of a draft's line, keeping its product, price and discount; says so when"
                + " the order now asks for more than the stock.")
final class OrderSetQuantityCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ORDER", description = "The draft order, such as A01/000042 or 42.")
    private String order;

    @Parameters(index = "1", paramLabel = "LINE", description = "The line number, as 'sincro order show' prints it.")
    private int lineNo;

    @Parameters(index = "2", paramLabel = "QUANTITY", converter = DecimalConverter.class,
            description = "How many units, above zero (up to 3 decimals).")
    private BigDecimal quantity;

    private final AppEnvironment environment;

    OrderSetQuantityCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (AgentSession session = AgentSession.open(options, environment, spec)) {
            OrderNumber number = session.station().orders().number(order);
            OrderLine line = session.station().orders().changeQuantity(number, lineNo, quantity);
            session.out().println("Line " + line.lineNo() + " of order " + number + " is now "
                    + Figures.plain(line.quantity()) + " x " + line.productCode() + "; order total "
                    + session.figures().money(session.station().orders().show(number).total()) + ".");
            session.station().orders().stockWarnings(number).stream().filter(w -> w.lineNo() == lineNo)
                    .forEach(w -> options.err().println("warning: " + w.sentence()));
        }
        return 0;
    }
}
