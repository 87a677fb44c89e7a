package io.sincro.app;

import java.io.PrintWriter;

import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * A command line Sincro cannot parse: what was wrong, the likely intended spelling, then the usage
 * of the command, always; exit code 2. (Picocli leaves the usage out when it has a suggestion.)
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    static final int USAGE = 2;

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getColorScheme().errorText(ex.getMessage()));
        UnmatchedArgumentException.printSuggestions(ex, err);
        command.usage(err, command.getColorScheme());
        err.flush();
        return USAGE;
    }
}
