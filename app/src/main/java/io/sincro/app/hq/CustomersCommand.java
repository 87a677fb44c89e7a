package io.sincro.app.hq;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sincro hq customers}: the customers the head office holds. */
@Command(name = "customers",
        mixinStandardHelpOptions = true,
        description = "The customers the head office holds: the back-end's and those the agents created, with the"
                + " version an agent sent where it differs.",
        subcommands = {
            CustomersListCommand.class,
            CustomersShowCommand.class
        })
final class CustomersCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "say what to do: one of the hq customers commands below");
    }
}
