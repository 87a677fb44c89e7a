package io.sincro.bench.sync;

import java.nio.file.Path;
import java.time.Clock;

import io.sincro.db.Database;
import io.sincro.exchange.PackageNames;
import io.sincro.exchange.ftp.FtpMailbox;
import io.sincro.exchange.ftp.FtpSettings;
import io.sincro.format.xml.PackageXml;
import io.sincro.sync.StationSync;
import io.sincro.sync.SyncOptions;
import io.sincro.sync.SyncProgress;
import io.sincro.sync.SyncReport;

/**
 * The benchmark's one contact with the sync engine: {@code sincro sync}'s work, on an open database.
 * When the engine's API changes, this is the one class to adjust.
 */
public final class StationSyncEngine implements SyncEngine {

    /** Package files end with .sincro; anything else in the mailbox is not the engine's. */
    private static final String PACKAGE_SUFFIX = ".sincro";

    /** One for every sync, as one application keeps one (it loads the JAXB context and the schema). */
    private final PackageXml xml = new PackageXml();

    @Override
    public String sync(Database database, FtpSettings settings, Path stationFolder, Clock clock) {
        try (FtpMailbox mailbox = new FtpMailbox(settings, PackageNames.endingWith(PACKAGE_SUFFIX), clock)) {
            SyncReport report = new StationSync(database, mailbox, stationFolder, clock, SyncOptions.defaults(),
                    SyncProgress.NONE, xml).run();
            // the engine reports a failure instead of throwing it; a failed sync must never be
            // measured as a fast one
            if (!report.succeeded()) {
                throw new IllegalStateException(database.station() + "'s sync failed: " + String.join("; ", report.problems()));
            }
            return report.sent().size() + " package(s) sent, " + report.received().size() + " received, "
                    + report.removed().size() + " removed" + (report.warnings().isEmpty() ? ""
                    : "; warnings: " + String.join("; ", report.warnings()));
        }
    }
}
