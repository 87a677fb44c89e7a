package io.sincro.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.sincro.app.settings.Settings;
import io.sincro.sync.StationKeys;

/**
 * The files of a station that hold a secret (the settings file when the mailbox's password is in
 * it, the mailbox's and the mail server's password files, the SFTP private key, the station's keys) and whether users other than
 * their owner can reach them: one list for the warning every command gives and for
 * {@code sincro doctor}'s check.
 */
public final class SecretFiles {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private SecretFiles() {
    }

    /** The station's files that hold a password or key, those that exist. */
    public static List<Path> of(Settings settings) {
        List<Path> files = new ArrayList<>();
        if (settings.holdsPassword()) {
            files.add(settings.file());
        }
        settings.passwordFile().ifPresent(files::add);
        settings.optional(Settings.MAIL_PASSWORD_FILE).filter(file -> !file.isBlank())
                .map(file -> settings.folder().resolve(file.strip()).normalize()).ifPresent(files::add);
        settings.optional(Settings.FTP_PRIVATE_KEY).filter(key -> !key.isBlank())
                .map(key -> settings.folder().resolve(key.strip()).normalize()).ifPresent(files::add);
        files.addAll(StationKeys.at(settings.databasePath()).secretFiles());
        return files.stream().filter(Files::isRegularFile).distinct().toList();
    }

    /**
     * What to tell the owner of {@code file} when other users of this computer can read or write
     * it, with the chmod that fixes it; empty where they cannot or the file system has no POSIX
     * permissions.
     *
     * @throws IOException when the file's permissions cannot be read
     */
    public static Optional<String> exposure(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null || view.readAttributes().permissions().stream().noneMatch(OTHERS::contains)) {
            return Optional.empty();
        }
        return Optional.of(file + " holds a password or key and other users of this computer may read it; make it"
                + " readable by its owner only: chmod 600 " + file);
    }
}
