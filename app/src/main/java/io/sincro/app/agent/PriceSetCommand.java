package io.sincro.app.agent;

import java.math.BigDecimal;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.sincro.agent.prices.EffectivePrice;
import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationOptions;
import io.sincro.app.output.Figures;
import io.sincro.db.prices.SpecialPrice;

/** {@code sincro price set CUSTOMER PRODUCT PRICE}: the customer's special price, edited here. */
@Command(name = "set",
        mixinStandardHelpOptions = true,
        description = "Sets a customer's special price for a product, stamped with the time and this agent; it travels "
                + "to the head office at the next sync, where the most recent edit of the same price wins.")
final class PriceSetCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CUSTOMER", description = "The customer's code.")
    private String customer;

    @Parameters(index = "1", paramLabel = "PRODUCT", description = "The product's code.")
    private String product;

    @Parameters(index = "2", paramLabel = "PRICE", converter = DecimalConverter.class,
            description = "The unit price before discount (up to 4 decimals).")
    private BigDecimal price;

    @Option(names = "--discount", paramLabel = "PERCENT", converter = DecimalConverter.class,
            description = "The discount in percent (default 0).")
    private BigDecimal discount;

    private final AppEnvironment environment;

    PriceSetCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (AgentSession session = AgentSession.open(options, environment, spec)) {
            EffectivePrice before = session.station().prices().quote(customer, product);
            SpecialPrice set = session.station().prices().setSpecialPrice(customer, product, price, discount);
            Figures figures = session.figures();
            String figure = figures.priceMoney(set.price())
                    + (set.discount().signum() == 0 ? "" : " less " + Figures.plain(set.discount()) + "%");
            // the stamp moves exactly when the price changed; it need not be the clock's time now (it
            // is read later, and a stamp lands 1 ms after the version it replaces when that one is newer)
            boolean unchanged = before.source() == EffectivePrice.Source.SPECIAL_PRICE
                    && set.updatedAt().equals(before.updatedAt()) && set.updatedBy().equals(before.updatedBy());
            if (unchanged) {
                session.out().println("The special price of " + product + " for " + customer + " already is " + figure
                        + " (set by " + set.updatedBy() + " on " + Figures.time(set.updatedAt(), environment.clock().getZone()) + "); nothing changed.");
            } else {
                session.out().println("The special price of " + product + " for " + customer + " is now " + figure
                        + ", set by " + set.updatedBy() + " on " + Figures.time(set.updatedAt(), environment.clock().getZone())
                        + "; it reaches the head office at the next sync.");
            }
        }
        return 0;
    }
}
