package io.sincro.app.agent;

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

/** {@code sincro order remove-line ORDER LINE}: takes a line off a draft. */
@Command(name = "remove-line",
        mixinStandardHelpOptions = true,
        description = "Removes a line from a draft order; the other lines keep their numbers.")
final class OrderRemoveLineCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ORDER", description = "The draft order, such as A01/000042 or 42.")
    private String order;

    @Parameters(index = "1", paramLabel = "LINE", description = "The line number, as 'sincro order show' prints it.")
    private int lineNo;

    private final AppEnvironment environment;

    OrderRemoveLineCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (AgentSession session = AgentSession.open(options, environment, spec)) {
            OrderNumber number = session.station().orders().number(order);
            OrderLine removed = session.station().orders().removeLine(number, lineNo);
            session.out().println("Removed line " + removed.lineNo() + " (" + Figures.plain(removed.quantity()) + " x "
                    + removed.productCode() + ") from order " + number + ".");
        }
        return 0;
    }
}
