package io.sincro.app.hq;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sincro hq}: the head office's own commands. */
@Command(name = "hq",
        mixinStandardHelpOptions = true,
        description = "The head office's commands: the company database, master data, agent stations.",
        subcommands = {
            InitCommand.class,
            ImportCommand.class,
            PrepareAgentCommand.class,
            RekeyAgentCommand.class,
            AgentsCommand.class,
            OrdersCommand.class,
            CustomersCommand.class,
            ExportCommand.class,
            ExportOrdersCommand.class,
            OrderStatusCommand.class,
            RepublishCommand.class
        })
public final class HqCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: one of the hq commands below");
    }
}
