package io.sincro.app.agent;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.sincro.agent.orders.DraftOrder;
import io.sincro.agent.orders.OrderDetails;
import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationOptions;
import io.sincro.app.output.Figures;
import io.sincro.db.orders.OrderNumber;

/** {@code sincro order copy ORDER}: a new draft with the same products, priced today. */
@Command(name = "copy",
        mixinStandardHelpOptions = true,
        description = "Makes a new draft with the products and quantities of any order (also a submitted or sent one), "
                + "priced today for the same customer or for --customer. Lines that cannot be sold are left out "
                + "and named.")
final class OrderCopyCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ORDER", description = "The order to copy, such as A01/000042 or 42.")
    private String order;

    @Option(names = "--customer", paramLabel = "CODE", description = "The customer of the copy (default: the same).")
    private String customer;

    private final AppEnvironment environment;

    OrderCopyCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (AgentSession session = AgentSession.open(options, environment, spec)) {
            OrderNumber source = session.station().orders().number(order);
            DraftOrder copy = session.station().orders().copy(source, customer);
            describe(session.out(), session.figures(), copy, "from order " + source);
        }
        return 0;
    }

    /** What a draft made from an order or a template holds, and what it left out. */
    static void describe(PrintWriter out, Figures figures, DraftOrder draft, String from) {
        OrderDetails details = draft.details();
        out.println("Created draft order " + details.order().number() + " " + from + " for customer "
                + details.order().customerCode() + ": " + Figures.count(details.lines().size(), "line", "lines") + ", total "
                + figures.money(details.total()) + ", priced today.");
        for (String leftOut : draft.leftOut()) {
            out.println("  " + leftOut);
        }
    }
}
