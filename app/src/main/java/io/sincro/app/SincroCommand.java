package io.sincro.app;

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
        },
        subcommands = {
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
            CommandLine.HelpCommand.class
        })
public final class SincroCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    /** Without a verb, say which ones there are. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: one of the commands below");
    }

    /** The command line the launcher and the tests run: Sincro's commands, handlers and exit codes. */
    public static CommandLine commandLine(AppEnvironment environment) {
        CommandLine commandLine = new CommandLine(new SincroCommand(), new CommandFactory(environment));
        commandLine.setExecutionExceptionHandler(new ErrorHandler(environment));
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setUsageHelpAutoWidth(true);
        return commandLine;
    }
}
