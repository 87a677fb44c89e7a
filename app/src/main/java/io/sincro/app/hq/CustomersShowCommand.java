package io.sincro.app.hq;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationOptions;
import io.sincro.app.output.Figures;
import io.sincro.app.output.FormatOption;
import io.sincro.app.output.OutputFormat;
import io.sincro.app.output.Table;
import io.sincro.db.Database;
import io.sincro.db.Origin;
import io.sincro.db.customers.Customer;
import io.sincro.office.desk.CustomerFile;
import io.sincro.office.desk.Desk;
import io.sincro.rules.conflicts.CustomerDifferences;

/** {@code sincro hq customers show CODE}: one customer, and the version an agent sent where it differs. */
@Command(name = "show",
        mixinStandardHelpOptions = true,
        description = "Shows one customer as the head office holds it and, field by field, the data an agent sent"
                + " that differs from it (not taken: customer updates are not propagated). With --format csv or"
                + " json, the differing fields only.")
final class CustomersShowCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Mixin
    private FormatOption format;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CODE", description = "The customer's code, such as C00001 or A01-00001.")
    private String code;

    private final AppEnvironment environment;

    CustomersShowCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        StationFolder station = StationFolder.open(options, environment).requireHeadOffice("hq customers show");
        ZoneId zone = environment.clock().getZone();
        PrintWriter out = spec.commandLine().getOut();
        try (Database company = station.openDatabase()) {
            CustomerFile f = new Desk(company).customer(code).orElseThrow(() -> new IllegalArgumentException(
                    "there is no customer " + code + " at the head office; 'sincro hq customers list --search TEXT'"
                            + " finds one"));
            Table differences = new Table("field", "head office", "sent", "by", "package", "arrived");
            for (CustomerDifferences.Field d : f.differences()) {
                differences.add(d.name(), d.here(), d.arrived(), d.sentBy(), d.packageName(),
                        Figures.time(d.arrivedAt(), zone));
            }
            if (format.format() != OutputFormat.TABLE) {
                differences.print(out, format.format());
                return 0;
            }
            Customer c = f.customer();
            out.println("Customer     " + c.code() + "  " + c.name());
            out.println("VAT number   " + orNone(c.vatNumber()));
            out.println("Address      " + orNone(c.address()) + (c.city() == null ? "" : ", " + c.city()));
            out.println("E-mail       " + orNone(c.email()));
            out.println("Phone        " + orNone(c.phone()));
            out.println("Agent        " + orNone(c.agentCode()));
            out.println("Price list   " + orNone(c.priceListCode()));
            out.println("Created      " + (c.origin() == Origin.AGENT ? "by an agent" : "by the head office") + ", "
                    + Figures.time(c.createdAt(), zone));
            out.println("Holds        " + Figures.count(f.specialPrices(), "special price", "special prices") + ", "
                    + Figures.count(f.orders(), "order", "orders"));
            out.println();
            if (differences.isEmpty()) {
                out.println("No agent sent different data for it.");
            } else {
                out.println(f.differences().get(0).sentBy() + " sent it with different data, not taken:");
                differences.print(out, OutputFormat.TABLE);
            }
        }
        return 0;
    }

    private static String orNone(String value) {
        return value == null ? "-" : value;
    }
}
