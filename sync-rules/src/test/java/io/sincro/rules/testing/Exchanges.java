package io.sincro.rules.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.sincro.db.Database;
import io.sincro.format.PackageStream;
import io.sincro.format.ReadLimits;
import io.sincro.format.file.PackageFiles;
import io.sincro.format.file.WrittenPackage;
import io.sincro.format.seal.Sealing;
import io.sincro.format.testing.Collected;
import io.sincro.format.xml.PackageXml;
import io.sincro.rules.exchange.Acknowledgements;
import io.sincro.rules.exchange.ImportReport;
import io.sincro.rules.exchange.PackageImporter;
import io.sincro.rules.exchange.PackageWriter;

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

    public PackageWriter writer(Database db) {
        return new PackageWriter(db.station(), db.clock(), files);
    }

    public PackageImporter importer(Database db) {
        return new PackageImporter(db.station(), db.clock(), files);
    }

    public WrittenPackage full(Database from, PackageStream stream) {
        return from.inTransaction(c -> writer(from).writeFull(c, stream, mailbox));
    }

    /** A delta based on the package the recipient last acknowledged. */
    public WrittenPackage delta(Database from, PackageStream stream, String recipient) {
        return from.inTransaction(c -> writer(from).writeDelta(c, stream,
                new Acknowledgements().acknowledged(c, stream, recipient), mailbox));
    }

    /** A delta based on package {@code basedOn}. */
    public WrittenPackage delta(Database from, PackageStream stream, long basedOn) {
        return from.inTransaction(c -> writer(from).writeDelta(c, stream, basedOn, mailbox));
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
        PackageImporter importer = importer(to);
        var verified = importer.verify(file);
        return to.inTransaction(c -> importer.importPackage(c, verified));
    }
}
