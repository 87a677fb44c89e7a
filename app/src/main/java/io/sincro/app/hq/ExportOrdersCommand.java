package io.sincro.app.hq;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationOptions;
import io.sincro.office.exports.ExportKind;

/** {@code sincro hq export-orders}: the agents' orders, as CSV for the back-end. */
@Command(name = "export-orders",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the orders received from agents that the back-end has not had yet to a CSV file, one row per"
                    + " order line with the customer's details and the totals; each order is exported once unless"
                    + " --again is given. The same as hq export orders."
        })
final class ExportOrdersCommand implements Callable<Integer> {

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
        spec.commandLine().getOut().println(ExportCommand.export(station, environment, ExportKind.ORDERS, out, again));
        return 0;
    }
}
