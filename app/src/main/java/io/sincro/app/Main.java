package io.sincro.app;

import java.io.IOException;

import io.sincro.app.cli.AppEnvironment;

/** Entry point of the sincro launcher. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V")) && printVersion()) {
            System.exit(0);
        }
        int exitCode = SincroCommand.commandLine(AppEnvironment.system(), args).execute(args);
        System.exit(exitCode);
    }

    /**
     * {@code sincro --version}, answered before picocli's model or the logging are loaded, which is
     * most of the time it would otherwise take; false when the version cannot be read, so the
     * command line says why.
     */
    private static boolean printVersion() {
        try {
            for (String line : VersionProvider.lines()) {
                System.out.println(line);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
