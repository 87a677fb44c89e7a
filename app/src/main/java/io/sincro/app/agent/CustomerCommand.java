package io.sincro.app.agent;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sincro customer}: the agent's customers. */
@Command(name = "customer",
        mixinStandardHelpOptions = true,
        description = "The agent's customers: create one, list or search them, show one.",
        subcommands = {CustomerNewCommand.class, CustomerListCommand.class, CustomerShowCommand.class})
public final class CustomerCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: one of the customer commands below");
    }
}
