package io.sincro.app.agent;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.sincro.agent.prices.EffectivePrice;
import io.sincro.agent.work.AgentWorkException;
import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationOptions;
import io.sincro.app.output.Figures;
import io.sincro.db.catalog.Product;

/** {@code sincro price CUSTOMER PRODUCT}: what the customer pays, and why. */
@Command(name = "price",
        mixinStandardHelpOptions = true,
        description = "Shows what a customer pays for a product and where the price comes from: the customer's special "
                + "price, else its generic price list. Exit code 1 when there is no price. 'sincro price set' "
                + "edits the customer's special price.",
        subcommands = PriceSetCommand.class)
public final class PriceCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    // Optional to picocli only: it checks a parent's required parameters even when a subcommand
    // (price set ...) follows; call() requires them.
    @Parameters(index = "0", arity = "0..1", paramLabel = "CUSTOMER", description = "The customer's code.")
    private String customer;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PRODUCT", description = "The product's code.")
    private String product;

    private final AppEnvironment environment;

    PriceCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (customer == null || product == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "say whose price of what: sincro price CUSTOMER PRODUCT, or sincro price set CUSTOMER PRODUCT PRICE");
        }
        try (AgentSession session = AgentSession.open(options, environment, spec)) {
            EffectivePrice price = session.station().prices().quote(customer, product);
            if (!price.found()) {
                throw new AgentWorkException("no price for " + product + ": " + price.missingReason()
                        + "; set a special price with 'sincro price set " + customer + " " + product + " PRICE'");
            }
            Product p = session.station().catalog().product(product);
            Figures figures = session.figures();
            String source = price.source() == EffectivePrice.Source.SPECIAL_PRICE
                    ? "special price " + figures.priceMoney(price.price())
                            + (price.discount().signum() == 0 ? "" : " less " + Figures.plain(price.discount()) + "%")
                            + ", set by " + price.updatedBy() + " on " + Figures.time(price.updatedAt(), environment.clock().getZone())
                    : "price list " + price.priceListCode();
            session.out().println(customer + " pays " + figures.priceMoney(price.netPrice()) + " per " + p.unit()
                    + " for " + product + " (" + p.description() + "): " + source + "."
                    + (p.active() ? "" : " The product is inactive since the last catalog update."));
        }
        return 0;
    }
}
