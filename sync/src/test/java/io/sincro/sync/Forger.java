package io.sincro.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.sincro.db.Database;
import io.sincro.format.PackageHeader;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageStream;
import io.sincro.format.ReadLimits;
import io.sincro.format.envelope.KeyFiles;
import io.sincro.format.envelope.Keyring;
import io.sincro.format.file.PackageFiles;
import io.sincro.format.file.WrittenPackage;
import io.sincro.format.seal.Sealing;
import io.sincro.sync.ledger.ExportedPackages;

/**
 * Writes packages by hand, with whatever keys it is given, and puts them in a {@link Company}'s
 * mailbox as anyone holding its login can: a forger, or a broken station with genuine keys.
 */
final class Forger {

    private final Company company;

    Forger(Company company) {
        this.company = company;
    }

    /** The keys a station holds, as its own files say. */
    Keyring keysOf(String station) {
        return new KeyFiles(company.root.resolve(station).resolve(KeyFiles.FOLDER)).load();
    }

    static PackageFiles files(Keyring keys) {
        return new PackageFiles(Exchanges.XML, Sealing.sha256(), keys, ReadLimits.standard());
    }

    /** Writes a package with {@code keys} and puts it in its stream's folder of the mailbox. */
    void forge(Keyring keys, PackageStream stream, long sequence, PackageKind kind, long basedOn,
               PackageFiles.Content<RuntimeException> rows) throws IOException {
        Path workshop = Files.createTempDirectory(company.root, "forge");
        Instant now = company.hqClock.instant();
        PackageHeader header = new PackageHeader(PackageHeader.FORMAT_VERSION, stream, sequence, kind, basedOn, now,
                now.atOffset(ZoneOffset.UTC), List.of(), List.of());
        WrittenPackage written = files(keys).write(workshop, header, rows);
        Path folder = company.served(MailboxFolders.of(stream).path());
        Files.createDirectories(folder);
        Files.move(written.file(), folder.resolve(written.name().fileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    static long lastWritten(Database station, PackageStream stream) {
        return station.inTransaction(c -> new ExportedPackages().last(c, stream));
    }

    static String nine(long sequence) {
        return String.format("%09d", sequence);
    }
}
