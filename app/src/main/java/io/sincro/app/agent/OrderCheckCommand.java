package io.sincro.app.agent;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationOptions;
import io.sincro.db.orders.OrderNumber;

/** {@code sincro order check ORDER}: the consistency check of submit, without submitting. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = "Runs the consistency check that submit runs first, and changes nothing: customer known, at "
                + "least one line, every product known and active, quantities above zero, every line priced. Exit "
                + "code 0 when the order can be submitted, 1 with every problem listed when not.")
final class OrderCheckCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ORDER", description = "The order, such as A01/000042 or 42.")
    private String order;

    private final AppEnvironment environment;

    OrderCheckCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (AgentSession session = AgentSession.open(options, environment, spec)) {
            OrderNumber number = session.station().orders().number(order);
            List<String> problems = session.station().orders().check(number);
            PrintWriter out = session.out();
            session.station().orders().stockWarnings(number).forEach(w -> options.err().println("warning: " + w.sentence()));
            if (problems.isEmpty()) {
                out.println("Order " + number + " is consistent; submit it with 'sincro order submit " + number + "'.");
                return 0;
            }
            out.println("Order " + number + " cannot be submitted yet:");
            for (String problem : problems) {
                out.println("  " + problem);
            }
            return 1;
        }
    }
}
