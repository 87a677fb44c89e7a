package io.sincro.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.FailureSentence;

/**
 * The one place where a failed command becomes what the user sees: one sentence on standard error
 * ({@link FailureSentence}, which a command handed to sincro ui says too) and exit code 1, with the
 * stack trace only under --verbose.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    static final int FAILED = 1;

    private static final Logger log = LoggerFactory.getLogger(ErrorHandler.class);

    private final AppEnvironment environment;

    ErrorHandler(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        boolean verbose = verbose(parseResult);
        PrintWriter err = command.getErr();
        FailureSentence failure = FailureSentence.of(ex, command.getCommandSpec().qualifiedName(" "),
                stationFolder(parseResult));
        String message = failure.sentence();
        if (failure.unexpected()) {
            log.error("sincro {} failed unexpectedly", command.getCommandName(), ex);
        } else {
            log.error("sincro {} failed: {}", command.getCommandName(), message, ex);
        }
        err.println(command.getColorScheme().errorText("sincro: " + message));
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return FAILED;
    }

    /** The folder the command's settings file is in (--config, else the working folder). */
    private Path stationFolder(ParseResult parseResult) {
        for (ParseResult r = parseResult; r != null; r = r.hasSubcommand() ? r.subcommand() : null) {
            if (r.hasMatchedOption("--config")) {
                Path config = environment.workingDirectory().resolve(r.<Path>matchedOptionValue("--config", null));
                return Files.isDirectory(config) ? config : config.toAbsolutePath().getParent();
            }
        }
        return environment.workingDirectory();
    }

    private static boolean verbose(ParseResult parseResult) {
        for (ParseResult r = parseResult; r != null; r = r.hasSubcommand() ? r.subcommand() : null) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
