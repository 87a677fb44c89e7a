package io.sincro.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.sincro.db.Database;
import io.sincro.db.changes.ChangeSequence;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageStream;
import io.sincro.format.ReadLimits;
import io.sincro.format.file.PackageFiles;
import io.sincro.format.file.VerifiedPackage;
import io.sincro.format.file.WrittenPackage;
import io.sincro.format.seal.Sealing;
import io.sincro.format.testing.Collected;
import io.sincro.format.xml.PackageXml;
import io.sincro.sync.ledger.Acknowledgements;
import io.sincro.sync.ledger.ExportedPackages;

/**
 * Moves packages between test stations through a local folder, the way the sync will through the
 * mailbox: write in a transaction, import in another.
 */
public final class Exchanges {

    /** Loading JAXB and the schema takes a moment: one for the whole test run. */
    public static final PackageXml XML = new PackageXml();

    private final Path mailbox;
    private final PackageFiles files;

    public Exchanges(Path mailbox) {
        this(mailbox, ReadLimits.standard());
    }

    public Exchanges(Path mailbox, ReadLimits limits) {
        this.mailbox = mailbox;
        this.files = new PackageFiles(XML, Sealing.sha256(), limits);
        try {
            Files.createDirectories(mailbox);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PackageFiles files() {
        return files;
    }

    public Path mailbox() {
        return mailbox;
    }

    PackageImporter importer(Database db) {
        return new PackageImporter(db.station(), db.clock(), files);
    }

    public WrittenPackage full(Database from, PackageStream stream) {
        return write(from, stream, PackageKind.FULL, 0);
    }

    /** A delta based on the package the recipient last acknowledged. */
    public WrittenPackage delta(Database from, PackageStream stream, String recipient) {
        long acknowledged = from.inTransaction(c -> new Acknowledgements().acknowledged(c, stream, recipient));
        return write(from, stream, PackageKind.DELTA, acknowledged);
    }

    /** A delta based on package {@code basedOn}, written even when it carries nothing. */
    public WrittenPackage delta(Database from, PackageStream stream, long basedOn) {
        return write(from, stream, PackageKind.DELTA, basedOn);
    }

    private WrittenPackage write(Database from, PackageStream stream, PackageKind kind, long basedOn) {
        PackageWriter writer = new PackageWriter(from.station(), from.clock(), files);
        return from.inTransaction(c -> writer.write(c, writer.next(c, stream, kind, basedOn,
                new ChangeSequence().mark(c), new ExportedPackages().last(c, stream)), mailbox).written());
    }

    /** Every row a package holds, read as an importer would. */
    public Collected contents(WrittenPackage p) {
        Collected rows = new Collected();
        files.read(files.verify(p.file()), h -> rows);
        return rows;
    }

    public ImportReport receive(Database to, WrittenPackage p) {
        return receive(to, p.file());
    }

    public ImportReport receive(Database to, Path file) {
        return receive(to, verify(to, file));
    }

    /** The first pass alone, as the station {@code to} runs it before importing. */
    public VerifiedPackage verify(Database to, Path file) {
        return importer(to).verify(file);
    }

    /** The second pass: the import, in one transaction. */
    public ImportReport receive(Database to, VerifiedPackage verified) {
        PackageImporter importer = importer(to);
        return to.inTransaction(c -> importer.importPackage(c, verified));
    }
}
