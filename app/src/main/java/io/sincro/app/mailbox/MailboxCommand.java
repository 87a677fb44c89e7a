package io.sincro.app.mailbox;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code sincro mailbox}: the mailbox itself, for trials and small offices. */
@Command(name = "mailbox",
        mixinStandardHelpOptions = true,
        description = "The mailbox itself: serve a folder as the FTP mailbox, so a trial needs nothing installed.",
        subcommands = {ServeCommand.class})
public final class MailboxCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: one of the mailbox commands below");
    }
}
