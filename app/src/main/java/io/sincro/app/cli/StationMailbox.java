package io.sincro.app.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import io.sincro.app.settings.Settings;
import io.sincro.db.Station;
import io.sincro.exchange.Folder;
import io.sincro.exchange.Mailbox;
import io.sincro.exchange.PackageNames;
import io.sincro.exchange.SettingsKeys;
import io.sincro.exchange.folder.FolderMailbox;
import io.sincro.exchange.ftp.FtpMailbox;
import io.sincro.exchange.ftp.FtpSettings;
import io.sincro.exchange.sftp.SftpMailbox;
import io.sincro.exchange.sftp.SftpSettings;

/**
 * The mailbox a station's settings name: the shared folder in {@code mailbox.folder} when that
 * is set, otherwise the server of the {@code ftp.*} settings, over FTP or FTPS, or over SFTP with
 * {@code ftp.protocol=sftp}.
 */
public final class StationMailbox {

    /** When set, the mailbox is this folder (relative to the settings file) instead of an FTP server. */
    private static final String FOLDER = "mailbox.folder";

    /** ftp (the default: FTP, or FTPS with ftp.tls) or sftp. */
    private static final String PROTOCOL = "ftp.protocol";

    /** Package files end with .sincro; everything else in a mailbox folder is left alone. */
    private static final PackageNames PACKAGES = PackageNames.endingWith(".sincro");

    private StationMailbox() {
    }

    /** Whether the settings name a mailbox at all (a server, or a shared folder). */
    public static boolean isConfigured(Settings settings) {
        return settings.optional(FOLDER).isPresent() || settings.optional("ftp.host").isPresent();
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
        String protocol = settings.optional(PROTOCOL).orElse("ftp").strip().toLowerCase(Locale.ROOT);
        return switch (protocol) {
            case "ftp" -> new FtpMailbox(FtpSettings.fromProperties(ftp, environment.variables(), settings.folder()),
                    PACKAGES, environment.clock());
            case "sftp" -> new SftpMailbox(SftpSettings.fromProperties(ftp, environment.variables(), settings.folder()),
                    PACKAGES);
            default -> throw SettingsKeys.settingsError(PROTOCOL + " in " + SettingsKeys.SETTINGS_FILE + " is '"
                    + protocol + "'; set it to ftp (FTP, or FTPS with ftp.tls) or sftp");
        };
    }

    /** The folders a station uses: both top folders at the head office, its own two at an agent's. */
    public static List<Folder> foldersOf(Station station) {
        return station.isHeadOffice() ? Folder.headOfficeFolders() : Folder.agentFolders(station.agentCode());
    }
}
