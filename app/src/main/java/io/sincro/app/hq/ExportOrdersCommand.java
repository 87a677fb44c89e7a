package io.sincro.app.hq;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationOptions;
import io.sincro.db.Database;
import io.sincro.office.orders.ExportSummary;
import io.sincro.office.orders.OrderExport;

/** {@code sincro hq export-orders}: the agents' orders, as CSV for the back-end. */
@Command(name = "export-orders",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the orders received from agents that the back-end has not had yet to a CSV file,",
            "one row per order line; each order is exported once unless --again is given."
        })
final class ExportOrdersCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE",
            description = "The file to write (default: exports/orders-DATE-TIME.csv in the station folder); never overwritten.")
    private Path out;

    @Option(names = "--again", description = "Export every order received from agents, also those exported before.")
    private boolean again;

    private final AppEnvironment environment;

    ExportOrdersCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        StationFolder station = StationFolder.open(options, environment).requireHeadOffice("hq export-orders");
        Path file = out != null ? environment.workingDirectory().resolve(out)
                : station.folder().resolve("exports").resolve("orders-" + STAMP.format(environment.clock().instant()) + ".csv");
        try (Database company = station.openDatabase()) {
            ExportSummary summary = new OrderExport(company).export(file, again);
            spec.commandLine().getOut().println(summary.orders() == 0
                    ? "No orders waiting for the back-end" + (again ? "." : " (--again exports those sent before).")
                    : "Exported " + summary.orders() + " orders (" + summary.lines() + " lines) to " + summary.file() + ".");
        }
        return 0;
    }
}
