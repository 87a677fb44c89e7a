package io.sincro.app.mailbox;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import io.sincro.app.mail.MailException;
import io.sincro.app.mail.MailSettings;
import io.sincro.app.mail.Mailer;
import io.sincro.app.settings.Settings;
import io.sincro.app.settings.SettingsException;
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

    @Option(names = "--mail", description = "Check the mail server instead: send a test message to the addresses in"
            + " mail.to, through mail.host as mail.security says.")
    private boolean mail;

    private final AppEnvironment environment;

    CheckConnectionCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        StationFolder station = StationFolder.open(options, environment);
        if (mail) {
            return checkMail(station.settings());
        }
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

    /** One line per step: the settings, then the test message; exit 1 at the first that fails. */
    private int checkMail(Settings settings) {
        PrintWriter out = spec.commandLine().getOut();
        Optional<MailSettings> read;
        try {
            read = MailSettings.of(settings);
        } catch (SettingsException e) {
            out.println(new CheckLine(false, "mail settings", e.getMessage()));
            return mailNotReady(out);
        }
        if (read.isEmpty() || read.get().administrators().isEmpty()) {
            out.println(new CheckLine(false, "mail settings", read.isEmpty()
                    ? "no mail server is set; add " + MailSettings.HOST + ", " + MailSettings.FROM + " and "
                            + MailSettings.TO + " to " + settings.file()
                    : MailSettings.TO + " names nobody to send the test message to; add the administrators' addresses"
                            + " to " + settings.file()));
            return mailNotReady(out);
        }
        MailSettings mailSettings = read.get();
        out.println(new CheckLine(true, "mail settings", mailSettings.server() + ", from " + mailSettings.from()));
        String to = String.join(", ", mailSettings.administrators());
        try {
            new Mailer(mailSettings).send(mailSettings.administrators(), "Sincro: test message from "
                    + settings.station(), "This is a test message from Sincro (" + settings.station() + ", "
                    + settings.file() + "), sent by sincro check-connection --mail.\nNotices will come this way.\n",
                    environment.clock().instant());
        } catch (MailException e) {
            out.println(new CheckLine(false, "send a test message to " + to, e.getMessage()));
            return mailNotReady(out);
        }
        out.println(new CheckLine(true, "send a test message to " + to, ""));
        out.println("The mail server took the test message; check that it arrived.");
        return 0;
    }

    private static int mailNotReady(PrintWriter out) {
        out.println("E-mail notices cannot go: fix what the FAIL line says, then run sincro check-connection --mail"
                + " again.");
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
