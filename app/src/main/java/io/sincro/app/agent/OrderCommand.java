package io.sincro.app.agent;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sincro order}: the agent's orders, written offline and submitted to the outbound queue. */
@Command(name = "order",
        mixinStandardHelpOptions = true,
        description = "The agent's orders: write a draft, check and submit it to the outbound queue (the next sync "
                + "sends it), follow what the head office did with it. ORDER is A01/000042, or just 42.",
        subcommands = {
            OrderNewCommand.class,
            OrderAddLineCommand.class,
            OrderRemoveLineCommand.class,
            OrderSetQuantityCommand.class,
            OrderShowCommand.class,
            OrderListCommand.class,
            OrderCopyCommand.class,
            OrderCheckCommand.class,
            OrderSubmitCommand.class,
            OrderWithdrawCommand.class,
            OrderStatusCommand.class,
            TemplateCommand.class
        })
public final class OrderCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: one of the order commands below");
    }
}
