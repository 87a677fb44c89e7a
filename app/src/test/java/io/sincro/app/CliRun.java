package io.sincro.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import picocli.CommandLine;

import io.sincro.app.cli.AppEnvironment;

/** Runs the sincro command line in-process, as the launcher would, and keeps what it printed. */
public final class CliRun {

    private final Path workingDirectory;
    private final Clock clock;
    private final Map<String, String> variables;

    public CliRun(Path workingDirectory, Clock clock, Map<String, String> variables) {
        this.workingDirectory = workingDirectory;
        this.clock = clock;
        this.variables = variables;
    }

    public CliRun(Path workingDirectory, Clock clock) {
        this(workingDirectory, clock, Map.of());
    }

    public Result run(String... args) {
        CommandLine commandLine = SincroCommand.commandLine(new AppEnvironment(clock, variables, workingDirectory), args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(String.join(" ", args), exitCode, out.toString(), err.toString());
    }

    /** What one run did; its toString is what a failed assertion shows. */
    public record Result(String command, int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "sincro " + command + " exited " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }
}
