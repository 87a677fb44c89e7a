package io.sincro.app.sync;

import java.nio.file.Path;
import java.util.Optional;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationMailbox;
import io.sincro.app.mail.AgentAlerts;
import io.sincro.app.mail.MailSettings;
import io.sincro.app.mail.Postman;
import io.sincro.app.mail.Postman.Delivery;
import io.sincro.app.mail.SyncSummary;
import io.sincro.app.settings.Settings;
import io.sincro.app.settings.SettingsException;
import io.sincro.db.Database;
import io.sincro.exchange.Mailbox;
import io.sincro.format.xml.PackageXml;
import io.sincro.sync.StationSync;
import io.sincro.sync.SyncCheck;
import io.sincro.sync.SyncProgress;
import io.sincro.sync.SyncReport;

/**
 * One sync of a station as {@code sincro sync} and the web app's Sync page both run it: the
 * exchange with the mailbox under the station's settings, then the e-mail notices; and the check
 * that only looks ({@code sincro sync --check}, the home page's announcement of new data).
 */
public final class Exchange {

    /**
     * What the sync did, and what became of the notices after it.
     *
     * @param askedFull at an agent that asked ({@code sincro sync --full}), what it asked the head office for
     */
    public record Outcome(SyncReport report, Delivery mail, Optional<String> askedFull) {
    }

    private final Settings settings;
    private final AppEnvironment environment;
    /** Made at the first exchange and kept for the next ones: it loads the JAXB context and the schema. */
    private PackageXml xml;

    public Exchange(Settings settings, AppEnvironment environment) {
        this.settings = settings;
        this.environment = environment;
    }

    /** Syncs the station of {@code database} (in {@code folder}), telling {@code progress} as it goes. */
    public Outcome run(Database database, Path folder, SyncProgress progress) {
        return run(database, folder, progress, false);
    }

    /**
     * The same, when {@code askFull} first asking the head office for the catalog and this agent's
     * data in full (an agent's {@code sincro sync --full}; its drafts stay).
     */
    public Outcome run(Database database, Path folder, SyncProgress progress, boolean askFull) {
        try (Mailbox mailbox = StationMailbox.of(settings, environment)) {
            StationSync sync = new StationSync(database, mailbox, folder, environment.clock(),
                    SyncCommand.syncOptions(settings), progress, xml());
            Optional<String> asked = askFull ? Optional.of(sync.askFull()) : Optional.empty();
            SyncReport report = sync.run();
            return new Outcome(report, sendNotices(database, report), asked);
        }
    }

    /**
     * What waits in the mailbox for the station of {@code database} (in {@code folder}) and in its
     * outbound queue, applying nothing: {@code sincro sync --check}, and the home page's check for
     * new data (seed 001: an update is announced, the user decides when to take it).
     */
    public SyncCheck check(Database database, Path folder) {
        try (Mailbox mailbox = StationMailbox.of(settings, environment)) {
            return new StationSync(database, mailbox, folder, environment.clock(), SyncCommand.syncOptions(settings),
                    SyncProgress.NONE, xml()).check();
        }
    }

    private synchronized PackageXml xml() {
        if (xml == null) {
            xml = new PackageXml();
        }
        return xml;
    }

    /**
     * After the exchange, whatever its outcome: the head office queues the summary of what it
     * received, then the queued notices go. A notice that cannot go is a warning, never a failure
     * of the sync: it is journaled and waits for the next one.
     */
    private Delivery sendNotices(Database database, SyncReport report) {
        Optional<MailSettings> mail;
        try {
            mail = MailSettings.of(settings);
        } catch (SettingsException e) {
            return new Delivery(0, 0, 0, Optional.of("e-mail notices wait for the next sync: " + e.getMessage()));
        }
        if (report.station().isHeadOffice() && mail.isPresent()) {
            new SyncSummary(environment.clock()).queue(database, report, mail.get());
            new AgentAlerts(environment.clock()).queue(database, settings.folder(), mail.get(), settings.maxAgeDays());
        }
        return new Postman(mail, environment.clock()).deliver(database);
    }
}
