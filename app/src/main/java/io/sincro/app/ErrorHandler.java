package io.sincro.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.LogFiles;
import io.sincro.app.failures.Failures;
import io.sincro.app.failures.Fault;
import io.sincro.app.settings.SettingsException;

/**
 * The one place where a failed command becomes what the user sees: one sentence on standard error
 * and exit code 1, with the stack trace only under --verbose. A fault of the machine the platform
 * named (a full disk, a permission, a read-only or damaged database) is said as its cause and fix
 * ({@link Failures}); Sincro's own exceptions already say what happened and what to do; anything
 * else is a defect, and says so.
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
        String message;
        // the settings' own sentence names the file and, through Failures, why it could not be read
        Optional<Fault> fault = ex instanceof SettingsException ? Optional.empty()
                : Failures.of(ex, command.getCommandSpec().qualifiedName(" "), stationFolder(parseResult));
        if (fault.isPresent()) {
            message = fault.get().sentence();
            log.error("sincro {} failed: {}", command.getCommandName(), message, ex);
        } else if (explainsItself(ex)) {
            message = ex.getMessage();
            log.error("sincro {} failed: {}", command.getCommandName(), message, ex);
        } else {
            message = "unexpected error (" + ex + "); this is a defect in Sincro: please report it with the log file "
                    + LogFiles.FILE + " of this station";
            log.error("sincro {} failed unexpectedly", command.getCommandName(), ex);
        }
        err.println(command.getColorScheme().errorText("sincro: " + message));
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return FAILED;
    }

    /**
     * Sincro's own exceptions, and the argument checks of its records, carry a sentence written
     * for the user.
     */
    private static boolean explainsItself(Exception ex) {
        if (ex.getMessage() == null || ex.getMessage().isBlank()) {
            return false;
        }
        if (ex.getClass().getName().startsWith("io.sincro.")) {
            return true;
        }
        StackTraceElement[] trace = ex.getStackTrace();
        return ex instanceof IllegalArgumentException && trace.length > 0
                && trace[0].getClassName().startsWith("io.sincro.");
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
