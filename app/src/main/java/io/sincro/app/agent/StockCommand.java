package io.sincro.app.agent;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.sincro.agent.catalog.ProductStock;
import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationOptions;
import io.sincro.app.output.Figures;
import io.sincro.db.catalog.Product;

/** {@code sincro stock PRODUCT}: availability as the head office last reported it. */
@Command(name = "stock",
        mixinStandardHelpOptions = true,
        description = "Shows a product's availability as the head office last reported it, and when.")
public final class StockCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PRODUCT", description = "The product's code.")
    private String product;

    private final AppEnvironment environment;

    StockCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (AgentSession session = AgentSession.open(options, environment, spec)) {
            ProductStock stock = session.station().catalog().stock(product);
            Product p = stock.product();
            String inactive = p.active() ? "" : " The product is inactive since the last catalog update.";
            if (stock.known()) {
                session.out().println(p.code() + " (" + p.description() + "): " + Figures.plain(stock.quantity()) + " "
                        + p.unit() + " available, as the head office reported on " + Figures.time(stock.updatedAt(), environment.clock().getZone())
                        + "." + inactive);
            } else {
                session.out().println(p.code() + " (" + p.description() + "): the head office has not reported its stock."
                        + inactive);
            }
        }
        return 0;
    }
}
