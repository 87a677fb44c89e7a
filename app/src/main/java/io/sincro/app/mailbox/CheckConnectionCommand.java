package io.sincro.app.mailbox;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationMailbox;
import io.sincro.app.cli.StationOptions;
import io.sincro.db.Database;
import io.sincro.db.agents.Agent;
import io.sincro.db.agents.Agents;
import io.sincro.exchange.Folder;
import io.sincro.exchange.Mailbox;
import io.sincro.exchange.check.CheckLine;
import io.sincro.exchange.check.CheckReport;
import io.sincro.exchange.check.ConnectionCheck;

/** {@code sincro check-connection [--create]}: proves the mailbox works for this station, one line per step. */
@Command(name = "check-connection",
        mixinStandardHelpOptions = true,
        description = {
            "Logs in to the mailbox, finds this station's folders (SincroAg and SincroSede and every agent's, or the"
                    + " agent's own),"
                    + " and in each one writes a probe, renames it, reads it back and deletes it.",
            "Prints one line per step: OK, or what failed and what to do. Exits 1 if any step failed."
        })
public final class CheckConnectionCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Option(names = "--create", description = "Create the station's mailbox folders when they are missing (at the head"
            + " office, every agent's too).")
    private boolean create;

    private final AppEnvironment environment;

    CheckConnectionCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        StationFolder station = StationFolder.open(options, environment);
        CheckReport report;
        try (Mailbox mailbox = StationMailbox.of(station.settings(), environment)) {
            report = new ConnectionCheck(mailbox, folders(station), environment.clock(), new SecureRandom()).run(create);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (CheckLine line : report.lines()) {
            out.println(line);
        }
        if (report.passed()) {
            out.println("The mailbox is ready (" + station.settings().station() + ").");
            return 0;
        }
        out.println("The mailbox is not ready: fix what the FAIL lines say, then run sincro check-connection again.");
        return 1;
    }

    /**
     * The station's folders; at the head office every agent's two as well, once the company database
     * exists, so a new FTP host is made ready in one go.
     */
    private static List<Folder> folders(StationFolder station) {
        List<Folder> folders = new ArrayList<>(StationMailbox.foldersOf(station.settings().station()));
        if (station.settings().station().isHeadOffice() && Database.exists(station.settings().databasePath())) {
            try (Database company = station.openDatabase()) {
                for (Agent agent : company.inTransaction(c -> new Agents().all(c))) {
                    folders.addAll(Folder.agentFolders(agent.code()));
                }
            }
        }
        return folders;
    }
}
