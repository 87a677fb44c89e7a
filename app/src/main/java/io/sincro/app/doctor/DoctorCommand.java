package io.sincro.app.doctor;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationOptions;

/** {@code sincro doctor [--bundle FILE]}: what a support person would check, one line each. */
@Command(name = "doctor",
        mixinStandardHelpOptions = true,
        description = {
            "Checks this station the way a support person would, one line each: Java, the settings and the files"
                    + " holding secrets, each folder (writable, free space), the database (Derby's consistency check),"
                    + " the mailbox and the clock against its server's, the outbound queue and what is set aside.",
            "Each line says ok, warning or problem with what to do. Exits 1 if there is a problem.",
            "With --bundle FILE also writes a zip to send to the head office: these lines, sincro status, the end"
                    + " of the log and the settings without any password or key."
        })
public final class DoctorCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Option(names = "--bundle", paramLabel = "FILE",
            description = "Also write the checks, sincro status, the log's last lines and the settings (passwords and"
                    + " keys removed) into this zip file, for the head office.")
    private Path bundle;

    private final AppEnvironment environment;

    DoctorCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        List<Check> checks = new Checkup(environment).run(() -> StationFolder.open(options, environment));
        PrintWriter out = spec.commandLine().getOut();
        checks.forEach(out::println);
        long problems = checks.stream().filter(c -> c.level() == Check.Level.PROBLEM).count();
        if (bundle != null) {
            Path file = environment.workingDirectory().resolve(bundle).toAbsolutePath().normalize();
            Path settingsFile = options.settingsFile(environment);
            new Bundle(settingsFile, environment.clock()).write(file, checks, status(settingsFile));
            out.println("Wrote " + file + ": send it to the head office (it holds no password or key).");
        }
        if (problems > 0) {
            out.println(problems + (problems == 1 ? " problem" : " problems")
                    + ": do what the problem lines say, then run sincro doctor again.");
            return 1;
        }
        out.flush();
        return 0;
    }

    /** What {@code sincro status} prints at this station, run as the user would run it. */
    private String status(Path settingsFile) {
        CommandLine status = spec.root().commandLine().getSubcommands().get("status");
        PrintWriter out = status.getOut();
        PrintWriter err = status.getErr();
        StringWriter text = new StringWriter();
        PrintWriter writer = new PrintWriter(text, true);
        status.setOut(writer);
        status.setErr(writer);
        try {
            int exit = status.execute("--config", settingsFile.toString());
            writer.flush();
            return "$ sincro status\n" + text + (exit == 0 ? "" : "(exit " + exit + ")\n");
        } finally {
            status.setOut(out);
            status.setErr(err);
        }
    }
}
