package io.sincro.app.agent;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationOptions;
import io.sincro.app.output.FormatOption;
import io.sincro.app.output.OutputFormat;
import io.sincro.app.output.Table;
import io.sincro.db.customers.Customer;

/** {@code sincro customer list}: the agent's customers, all or those matching a search. */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        description = "Lists the station's customers by name; --search keeps those whose code, name, city or VAT"
                + " number holds the text.")
final class CustomerListCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Mixin
    private FormatOption format;

    @Spec
    private CommandSpec spec;

    @Option(names = "--search", paramLabel = "TEXT", description = "Part of a code, name, city or VAT number; case does not matter.")
    private String search;

    private final AppEnvironment environment;

    CustomerListCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (AgentSession session = AgentSession.open(options, environment, spec)) {
            List<Customer> customers = session.station().customers().list(search);
            if (customers.isEmpty() && format.format() == OutputFormat.TABLE) {
                session.out().println(search == null ? "No customers on this station yet; the first sync brings the"
                        + " agent's customers, and 'sincro customer new' creates one."
                        : "No customer matches '" + search + "'.");
                return 0;
            }
            Table table = new Table("code", "name", "city", "VAT number", "price list", "created by");
            for (Customer c : customers) {
                table.add(c.code(), c.name(), c.city(), c.vatNumber(), c.priceListCode(),
                        c.origin().name().toLowerCase().replace('_', ' '));
            }
            table.print(session.out(), format.format());
        }
        return 0;
    }
}
