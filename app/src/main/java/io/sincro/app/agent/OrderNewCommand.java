package io.sincro.app.agent;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.sincro.agent.orders.DraftOrder;
import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationOptions;
import io.sincro.db.orders.Order;

/** {@code sincro order new --customer CODE}: a draft order, empty or from a template. */
@Command(name = "new",
        mixinStandardHelpOptions = true,
        description = "Starts a draft order for a customer, numbered in this station's own series. With --template, "
                + "the draft takes the template's products and quantities, priced for the customer today.")
final class OrderNewCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Option(names = "--customer", required = true, paramLabel = "CODE", description = "The customer's code.")
    private String customer;

    @Option(names = "--notes", paramLabel = "TEXT", description = "Notes for the head office (delivery, contact, ...).")
    private String notes;

    @Option(names = "--template", paramLabel = "NAME", description = "Start from this order template.")
    private String template;

    private final AppEnvironment environment;

    OrderNewCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (AgentSession session = AgentSession.open(options, environment, spec)) {
            PrintWriter out = session.out();
            if (template == null) {
                Order order = session.station().orders().create(customer, notes);
                out.println("Created draft order " + order.number() + " for customer " + order.customerCode()
                        + "; add lines with 'sincro order add-line " + order.number() + " PRODUCT QUANTITY'.");
            } else {
                DraftOrder draft = session.station().templates().newOrder(template, customer);
                OrderCopyCommand.describe(out, session.figures(), draft, "from template '" + template + "'");
            }
        }
        return 0;
    }
}
