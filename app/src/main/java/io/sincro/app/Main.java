package io.sincro.app;

import io.sincro.app.cli.AppEnvironment;

/** Entry point of the sincro launcher. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = SincroCommand.commandLine(AppEnvironment.system()).execute(args);
        System.exit(exitCode);
    }
}
