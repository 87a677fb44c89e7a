package io.sincro.app.agent;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.sincro.agent.customers.NewCustomer;
import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationOptions;
import io.sincro.db.customers.Customer;

/** {@code sincro customer new}: a customer the agent found, with a code of the station's own series. */
@Command(name = "new",
        mixinStandardHelpOptions = true,
        description = "Creates a customer assigned to this agent, with the next code of the station's own series (such "
                + "as A01-00001); it reaches the head office at the next sync. Name, VAT number, address and city "
                + "are required; every problem is reported at once.")
final class CustomerNewCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Option(names = "--name", paramLabel = "TEXT", description = "The company name.")
    private String name;

    @Option(names = "--vat", paramLabel = "NUMBER", description = "The partita IVA: 11 digits, optionally after IT.")
    private String vatNumber;

    @Option(names = "--address", paramLabel = "TEXT", description = "Street and number.")
    private String address;

    @Option(names = "--city", paramLabel = "TEXT", description = "The city.")
    private String city;

    @Option(names = "--email", paramLabel = "ADDRESS", description = "Optional e-mail address.")
    private String email;

    @Option(names = "--phone", paramLabel = "NUMBER", description = "Optional phone number.")
    private String phone;

    @Option(names = "--price-list", paramLabel = "CODE",
            description = "Optional generic price list; without one, only special prices apply until the head office assigns one.")
    private String priceList;

    private final AppEnvironment environment;

    CustomerNewCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (AgentSession session = AgentSession.open(options, environment, spec)) {
            Customer created = session.station().customers()
                    .create(new NewCustomer(name, vatNumber, address, city, email, phone, priceList));
            session.out().println("Created customer " + created.code() + " (" + created.name() + "), assigned to agent "
                    + created.agentCode() + "; it reaches the head office at the next sync.");
        }
        return 0;
    }
}
