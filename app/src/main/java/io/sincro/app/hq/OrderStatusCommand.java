package io.sincro.app.hq;

import java.time.LocalDate;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationOptions;
import io.sincro.db.Database;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.StatusChange;
import io.sincro.office.orders.StatusReports;

/** {@code sincro hq order-status ORDER STATUS}: what the head office did with an agent's order. */
@Command(name = "order-status",
        mixinStandardHelpOptions = true,
        description = {
            "Sets the status of an order received from an agent; the next sync tells the agent.",
            "Many at once: sincro hq import order-statuses FILE.csv (columns order, status, reason,"
                    + " expected_delivery)."
        })
final class OrderStatusCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ORDER", converter = OrderNumberConverter.class,
            description = "The order, as SERIES/NUMBER (e.g. A01/000042).")
    private OrderNumber order;

    // text, not an enum: which statuses are allowed depends on where the order stands now
    @Parameters(index = "1", paramLabel = "STATUS", description = "received, accepted, rejected or shipped; forward"
            + " only, and the order's current status again to correct its reason or expected delivery.")
    private String status;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (required for rejected), for the agent's customer.")
    private String reason;

    @Option(names = "--expected-delivery", paramLabel = "DATE", description = "When the goods should arrive (YYYY-MM-DD).")
    private LocalDate expectedDelivery;

    private final AppEnvironment environment;

    OrderStatusCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        StationFolder station = StationFolder.open(options, environment).requireHeadOffice("hq order-status");
        try (Database company = station.openDatabase()) {
            StatusChange set = new StatusReports(company).report(order, status, reason, expectedDelivery);
            spec.commandLine().getOut().println("Order " + set.number() + " is now " + set.status().label()
                    + (set.reason() == null ? "" : " (" + set.reason() + ")")
                    + (set.expectedDelivery() == null ? "" : ", expected delivery " + set.expectedDelivery())
                    + "; the agent learns it at its next sync.");
        }
        return 0;
    }
}
