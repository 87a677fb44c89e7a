package io.sincro.app.agent;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.sincro.agent.orders.OrderDetails;
import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationOptions;
import io.sincro.app.output.Figures;
import io.sincro.db.orders.OrderNumber;

/** {@code sincro order submit ORDER}: check, then queue the order for the next sync. */
@Command(name = "submit",
        mixinStandardHelpOptions = true,
        description = "Checks the order and, only when nothing is wrong, puts it in the outbound queue: the next sync "
                + "sends it. A submitted order can no longer be changed (copy it instead). Every problem found is "
                + "listed at once.")
final class OrderSubmitCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ORDER", description = "The draft order, such as A01/000042 or 42.")
    private String order;

    private final AppEnvironment environment;

    OrderSubmitCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (AgentSession session = AgentSession.open(options, environment, spec)) {
            OrderNumber number = session.station().orders().number(order);
            session.station().orders().submit(number);
            session.station().orders().stockWarnings(number).forEach(w -> options.err().println("warning: " + w.sentence()));
            OrderDetails details = session.station().orders().show(number);
            session.out().println("Submitted order " + number + " for customer " + details.order().customerCode() + ": "
                    + Figures.count(details.lines().size(), "line", "lines") + ", total " + session.figures().money(details.total())
                    + "; it leaves with the next sync.");
        }
        return 0;
    }
}
