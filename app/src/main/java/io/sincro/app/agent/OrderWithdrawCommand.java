package io.sincro.app.agent;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationOptions;
import io.sincro.db.orders.OrderNumber;
import io.sincro.sync.SyncStatus;

/** {@code sincro order withdraw ORDER}: a submitted order that has not left goes back to draft. */
@Command(name = "withdraw",
        mixinStandardHelpOptions = true,
        description = "Takes a submitted order back to draft, to change or leave it, as long as no package of the"
                + " outbound queue carries it yet; one that left is for the head office to reject.")
final class OrderWithdrawCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ORDER", description = "The submitted order, such as A01/000042 or 42.")
    private String order;

    private final AppEnvironment environment;

    OrderWithdrawCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        try (AgentSession session = AgentSession.open(options, environment, spec)) {
            OrderNumber number = session.station().orders().number(order);
            session.station().orders().withdraw(number,
                    new SyncStatus(session.database(), session.folder().folder()).packagedUpTo());
            session.out().println("Order " + number + " is a draft again: change it, then check and submit it, or"
                    + " leave it unsubmitted.");
        }
        return 0;
    }
}
