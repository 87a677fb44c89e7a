package io.sincro.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.sincro.app.settings.Settings;

/** The options every station command shares: which settings file, and how much to say. */
public final class StationOptions {

    /** The settings file when there is no --config: what a prepared station's launcher sets. */
    public static final String CONFIG_VARIABLE = "SINCRO_CONFIG";

    @Option(names = "--config", paramLabel = "PATH",
            description = "The station's settings file, or the folder holding its sincro.properties"
                    + " (default: the environment variable " + StationOptions.CONFIG_VARIABLE + ", which a"
                    + " station's own launcher sets, else sincro.properties in the current folder).")
    private Path config;

    @Option(names = {"-v", "--verbose"},
            description = "Write debugging detail to the station's log file, and show the stack trace of an error.")
    private boolean verbose;

    // the command these options are mixed into, so what is said about the station (a stale-data
    // warning) goes to that command's error stream, the one tests capture
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    public boolean verbose() {
        return verbose;
    }

    /** "sincro sync": the command these options belong to, as typed. */
    public String commandName() {
        return command.qualifiedName(" ");
    }

    /** Where the command prints warnings and errors. */
    public PrintWriter err() {
        return command.commandLine().getErr();
    }

    /**
     * The settings file: the one {@code --config} names, else the one {@value #CONFIG_VARIABLE}
     * names, else sincro.properties in the working folder; a relative path is resolved against it.
     */
    public Path settingsFile(AppEnvironment environment) {
        Path workingDirectory = environment.workingDirectory();
        String named = environment.variables().get(CONFIG_VARIABLE);
        Path chosen = config != null ? config : named != null && !named.isBlank() ? Path.of(named) : null;
        if (chosen == null) {
            return workingDirectory.resolve(Settings.FILE_NAME);
        }
        Path path = workingDirectory.resolve(chosen);
        return Files.isDirectory(path) ? path.resolve(Settings.FILE_NAME) : path;
    }
}
