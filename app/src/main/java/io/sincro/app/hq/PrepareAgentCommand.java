package io.sincro.app.hq;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationMailbox;
import io.sincro.app.cli.StationOptions;
import io.sincro.app.launch.StationLaunchers;
import io.sincro.app.settings.Settings;
import io.sincro.app.settings.SettingsException;
import io.sincro.app.settings.SettingsWriter;
import io.sincro.db.Database;
import io.sincro.exchange.Folder;
import io.sincro.exchange.Mailbox;
import io.sincro.exchange.MailboxException;
import io.sincro.office.stations.AgentStations;
import io.sincro.office.stations.PreparedStation;
import io.sincro.office.stations.StationSetup;
import io.sincro.sync.StationHandover;

/** {@code sincro hq prepare-agent CODE --out DIR}: makes an agent's station, ready for its first sync. */
@Command(name = "prepare-agent",
        mixinStandardHelpOptions = true,
        description = {
            "Makes agent CODE's station in DIR: its own empty database (only that agent, its own customer"
                    + " codes and order numbers) and its sincro.properties with the head office's mailbox settings.",
            "Copy DIR to the agent's laptop; its first sync brings its customers, the catalog and prices."
        })
final class PrepareAgentCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CODE", description = "The agent's code, as in the agents file (e.g. A01).")
    private String agentCode;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "The folder to make the station in; it must not exist yet, or be empty.")
    private Path out;

    @Option(names = "--with-password",
            description = "Also write the FTP password into the station's settings (by default the agent enters it).")
    private boolean withPassword;

    @Option(names = "--offline",
            description = "Do not make the agent's folders in the mailbox now; the head office's next sync makes them.")
    private boolean offline;

    private static final Logger log = LoggerFactory.getLogger(PrepareAgentCommand.class);

    private final AppEnvironment environment;

    PrepareAgentCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        StationFolder station = StationFolder.open(options, environment).requireHeadOffice("hq prepare-agent");
        String settings = SettingsWriter.agentStation(station.settings(), agentCode, withPassword);
        try (Database company = station.openDatabase()) {
            StationLaunchers launchers = new StationLaunchers(StationLaunchers.runningJar());
            PreparedStation prepared = new AgentStations(company, StationSetup.of(StationHandover::carryOn,
                    (headOffice, folder, code) -> {
                        StationHandover.writeKeys(headOffice, folder, code);
                        launchers.installIn(folder);
                    })).prepare(agentCode, environment.workingDirectory().resolve(out), settings);
            PrintWriter printer = spec.commandLine().getOut();
            printer.println("Prepared agent " + prepared.agentCode() + "'s station in " + prepared.directory() + ".");
            printer.println("Its first customer code will be " + prepared.firstCustomerCode()
                    + " and its first order " + prepared.firstOrderNumber() + ".");
            if (launchers.hasJar()) {
                printer.println("It holds the application (" + StationLaunchers.APP_FOLDER + "/" + StationLaunchers.JAR
                        + ") and its launchers: on the laptop, with Java 17, run " + prepared.directory().resolve("sincro")
                        + " (sincro.cmd on Windows) from any folder, or sincro-app (sincro-app.cmd) for the web app.");
            } else {
                printer.println("Its launchers are written, but not the application: this Sincro does not run from its"
                        + " jar; copy app/target/sincro.jar to " + prepared.directory().resolve(StationLaunchers.APP_FOLDER)
                        .resolve(StationLaunchers.JAR) + ".");
            }
            makeFolders(station.settings(), printer);
            printer.println("Next: sync the head office (sincro sync) so the agent's first sync finds its data.");
        }
        return 0;
    }

    /** The agent's two folders in the mailbox, now if it can be reached; its absence is only a warning. */
    private void makeFolders(Settings settings, PrintWriter printer) {
        if (offline || !StationMailbox.isConfigured(settings)) {
            printer.println("Its folders in the mailbox are made by the head office's next sync.");
            return;
        }
        List<Folder> folders = Folder.agentFolders(agentCode);
        try (Mailbox mailbox = StationMailbox.of(settings, environment)) {
            for (Folder folder : folders) {
                mailbox.createFolder(folder);
            }
            printer.println("Made its folders " + folders.get(0) + " and " + folders.get(1) + " in " + mailbox.location()
                    + ".");
        } catch (MailboxException | SettingsException e) {
            log.warn("the folders of agent {} could not be made in the mailbox: {}", agentCode, e.getMessage());
            PrintWriter err = spec.commandLine().getErr();
            err.println("sincro: warning: its folders " + folders.get(0) + " and " + folders.get(1) + " could not be made"
                    + " in the mailbox now (" + e.getMessage() + "); the head office's next sync makes them");
            err.flush();
        }
    }
}
