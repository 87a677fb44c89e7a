package io.sincro.app;

import java.util.Arrays;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import io.sincro.app.agent.CustomerCommand;
import io.sincro.app.agent.OrderCommand;
import io.sincro.app.agent.PriceCommand;
import io.sincro.app.agent.ProductCommand;
import io.sincro.app.agent.StockCommand;
import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.conflicts.ConflictsCommand;
import io.sincro.app.doctor.DoctorCommand;
import io.sincro.app.hq.HqCommand;
import io.sincro.app.inspect.PackageCommand;
import io.sincro.app.mailbox.CheckConnectionCommand;
import io.sincro.app.mailbox.MailboxCommand;
import io.sincro.app.packages.PackagesCommand;
import io.sincro.app.station.LogCommand;
import io.sincro.app.station.NoticesCommand;
import io.sincro.app.station.StatusCommand;
import io.sincro.app.sync.SyncCommand;
import io.sincro.app.ui.UiCommand;

/** {@code sincro}: the one launcher of both roles. Each verb is a command class of its own. */
@Command(name = "sincro",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Keeps traveling sales agents' laptops and the head office in step through an FTP mailbox.",
            "Settings come from sincro.properties in the current folder, or the file named with --config."
        })
public final class SincroCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    /** Without a verb, say which ones there are. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: one of the commands below");
    }

    /**
     * The verbs, in the order the usage lists them. Picocli builds a command's whole model when the
     * command is added, by reflection over every option of every subcommand: a tenth of a second or
     * more that a command using one verb should not pay, so {@link #commandLine(AppEnvironment, String...)}
     * adds only the verb it runs.
     */
    private static final List<Class<?>> VERBS = List.of(
            HqCommand.class,
            CustomerCommand.class,
            OrderCommand.class,
            PriceCommand.class,
            StockCommand.class,
            ProductCommand.class,
            SyncCommand.class,
            UiCommand.class,
            StatusCommand.class,
            LogCommand.class,
            NoticesCommand.class,
            PackagesCommand.class,
            ConflictsCommand.class,
            CheckConnectionCommand.class,
            DoctorCommand.class,
            MailboxCommand.class,
            PackageCommand.class,
            CommandLine.HelpCommand.class);

    /** The whole command line, every verb in it: for its usage and for checks of the whole. */
    public static CommandLine commandLine(AppEnvironment environment) {
        return build(environment, VERBS);
    }

    /**
     * The command line that runs {@code args} as {@link #commandLine(AppEnvironment)} would, holding
     * only what they need: the verb they name, none for {@code --version}, every verb when the first
     * argument is no verb (help, a mistyped verb: the usage lists them all).
     */
    public static CommandLine commandLine(AppEnvironment environment, String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return build(environment, List.of());
        }
        if (args.length > 0) {
            for (Class<?> verb : VERBS) {
                Command command = verb.getAnnotation(Command.class);
                if (command.name().equals(args[0]) || Arrays.asList(command.aliases()).contains(args[0])) {
                    return build(environment, verb == CommandLine.HelpCommand.class ? VERBS
                            // doctor's bundle holds what sincro status prints, run through the command line
                            : verb == DoctorCommand.class ? List.of(verb, StatusCommand.class) : List.of(verb));
                }
            }
        }
        return build(environment, VERBS);
    }

    private static CommandLine build(AppEnvironment environment, List<Class<?>> verbs) {
        CommandLine commandLine = new CommandLine(new SincroCommand(), new CommandFactory(environment));
        for (Class<?> verb : verbs) {
            commandLine.addSubcommand(verb);
        }
        commandLine.setExecutionExceptionHandler(new ErrorHandler(environment));
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setUsageHelpAutoWidth(true);
        return commandLine;
    }
}
