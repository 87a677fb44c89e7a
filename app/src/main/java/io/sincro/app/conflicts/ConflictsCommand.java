package io.sincro.app.conflicts;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationOptions;
import io.sincro.app.output.Figures;
import io.sincro.app.output.FormatOption;
import io.sincro.app.output.OutputFormat;
import io.sincro.app.output.Table;
import io.sincro.db.Database;
import io.sincro.db.customers.Customers;
import io.sincro.rules.conflicts.PriceConflict;
import io.sincro.rules.conflicts.PriceConflicts;
import io.sincro.rules.conflicts.PriceVersion;

/** {@code sincro conflicts}: the special-price conflicts this station decided, newest first. */
@Command(name = "conflicts",
        mixinStandardHelpOptions = true,
        description = {
            "Lists the special-price conflicts this station decided, newest first: a price changed on both sides"
                    + " between two syncs, where the most recent change won (at the same instant, the head office's)."
                    + " Each line shows the version kept and the one that gave way (a price or a deletion), who made"
                    + " each and when, and the package whose import decided it.",
            "To undo a decision, set the price again: 'sincro price set' at an agent station, 'sincro hq import"
                    + " special-prices' at the head office."
        })
public final class ConflictsCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Mixin
    private FormatOption format;

    @Spec
    private CommandSpec spec;

    @Option(names = "--customer", paramLabel = "CODE", description = "Only the conflicts about this customer's prices.")
    private String customer;

    private final AppEnvironment environment;

    ConflictsCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        StationFolder station = StationFolder.open(options, environment);
        try (Database database = station.openDatabase()) {
            List<PriceConflict> conflicts = new ArrayList<>(database.inTransaction(c -> {
                if (customer == null) {
                    return new PriceConflicts().conflicts(c);
                }
                List<PriceConflict> found = new PriceConflicts().conflicts(c, customer);
                // a mistyped code would otherwise read as "no conflicts"; a customer that has left
                // the station still has its conflicts, so only a code nothing knows is refused
                if (found.isEmpty() && new Customers().find(c, customer).isEmpty()) {
                    throw new IllegalArgumentException("customer " + customer + " is not in this station's database"
                            + " and no conflict names it; check the code (at an agent station: sincro customer"
                            + " list --search NAME)");
                }
                return found;
            }));
            PrintWriter out = spec.commandLine().getOut();
            if (conflicts.isEmpty() && format.format() == OutputFormat.TABLE) {
                out.println(customer == null
                        ? "No special-price conflicts: no special price was changed on both sides between two syncs."
                        : "No special-price conflicts about customer " + customer + ": none of its special prices was"
                                + " changed on both sides between two syncs.");
                return 0;
            }
            // stored in the order they were decided
            Collections.reverse(conflicts);
            Figures figures = new Figures(station.settings().currency());
            Table table = new Table("decided", "customer", "product", "kept", "kept by", "kept at", "gave way",
                    "gave way by", "gave way at", "package", "why");
            for (PriceConflict conflict : conflicts) {
                PriceVersion kept = conflict.kept();
                PriceVersion lost = conflict.lost();
                table.add(Figures.time(conflict.decidedAt(), environment.clock().getZone()), conflict.customerCode(), conflict.productCode(),
                        version(kept, figures), kept == null ? null : kept.updatedBy(),
                        kept == null ? null : Figures.time(kept.updatedAt(), environment.clock().getZone()),
                        version(lost, figures), lost.updatedBy(), Figures.time(lost.updatedAt(), environment.clock().getZone()),
                        conflict.packageName(), conflict.reason());
            }
            table.print(out, format.format());
        }
        return 0;
    }

    /** A price as the agent's commands print it, "deleted", or nothing when no version was kept. */
    private static String version(PriceVersion version, Figures figures) {
        if (version == null) {
            return null;
        }
        if (version.deleted()) {
            return "deleted";
        }
        return figures.priceMoney(version.price())
                + (version.discount().signum() == 0 ? "" : " less " + Figures.plain(version.discount()) + "%");
    }
}
