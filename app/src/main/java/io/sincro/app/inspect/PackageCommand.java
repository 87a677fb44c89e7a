package io.sincro.app.inspect;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sincro package}: a package read by hand. */
@Command(name = "package",
        mixinStandardHelpOptions = true,
        description = "Reads a package file by hand, with this station's keys, for diagnosis.",
        subcommands = PackageOpenCommand.class)
public final class PackageCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: one of the package commands below");
    }
}
