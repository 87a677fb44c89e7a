package io.sincro.app.agent;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sincro product}: the catalog. */
@Command(name = "product",
        mixinStandardHelpOptions = true,
        description = "The catalog as the head office last published it.",
        subcommands = ProductSearchCommand.class)
public final class ProductCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: one of the product commands below");
    }
}
