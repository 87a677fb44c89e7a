package io.sincro.app.hq;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sincro hq orders}: the orders the head office holds. */
@Command(name = "orders",
        aliases = "order",
        mixinStandardHelpOptions = true,
        description = "The orders the head office holds: those the agents sent and those it entered on their behalf"
                + " (series HQ, never sent to the agent). ORDER is A01/000042 or HQ/000001.",
        subcommands = {
            OrdersListCommand.class,
            OrdersShowCommand.class,
            OrderNewCommand.class
        })
final class OrdersCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: one of the hq orders commands below");
    }
}
