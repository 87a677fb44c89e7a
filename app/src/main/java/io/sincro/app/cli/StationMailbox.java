package io.sincro.app.cli;

import java.util.List;
import java.util.Optional;
import java.util.Properties;

import io.sincro.app.settings.Settings;
import io.sincro.db.Station;
import io.sincro.exchange.Folder;
import io.sincro.exchange.Mailbox;
import io.sincro.exchange.PackageNames;
import io.sincro.exchange.folder.FolderMailbox;
import io.sincro.exchange.ftp.FtpMailbox;
import io.sincro.exchange.ftp.FtpSettings;

/**
 * The mailbox a station's settings name: the shared folder in {@code mailbox.folder} when that
 * is set, otherwise the FTP server of the {@code ftp.*} settings.
 */
public final class StationMailbox {

    /** When set, the mailbox is this folder (relative to the settings file) instead of an FTP server. */
    private static final String FOLDER = "mailbox.folder";

    /** Package files end with .sincro; everything else in a mailbox folder is left alone. */
    private static final PackageNames PACKAGES = PackageNames.endingWith(".sincro");

    private StationMailbox() {
    }

    /** Opens nothing yet: the mailbox connects at its first operation. */
    public static Mailbox of(Settings settings, AppEnvironment environment) {
        Optional<String> folder = settings.optional(FOLDER);
        if (folder.isPresent()) {
            return new FolderMailbox(settings.folder().resolve(folder.get()).normalize(), PACKAGES);
        }
        Properties ftp = new Properties();
        for (String key : settings.keys("ftp.")) {
            settings.optional(key).ifPresent(value -> ftp.setProperty(key, value));
        }
        FtpSettings ftpSettings = FtpSettings.fromProperties(ftp, environment.variables(), settings.folder());
        return new FtpMailbox(ftpSettings, PACKAGES, environment.clock());
    }

    /** The folders a station uses: both top folders at the head office, its own two at an agent's. */
    public static List<Folder> foldersOf(Station station) {
        return station.isHeadOffice() ? Folder.headOfficeFolders() : Folder.agentFolders(station.agentCode());
    }
}
