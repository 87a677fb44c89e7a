package io.sincro.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import io.sincro.db.Database;
import io.sincro.rules.exchange.Acknowledgements;
import io.sincro.format.file.PackageFiles;
import io.sincro.rules.exchange.PackageImporter;
import io.sincro.rules.exchange.PackageWriter;
import io.sincro.format.file.VerifiedPackage;
import io.sincro.format.file.WrittenPackage;
import io.sincro.format.ReadLimits;
import io.sincro.format.seal.Sealing;
import io.sincro.format.PackageStream;
import io.sincro.format.xml.PackageXml;

/**
 * Carries packages by hand between station folders made by the command line, through a local
 * folder: the real package writer on one side, the real importer on the other, each in its own
 * transaction, as {@code sincro sync} does through the mailbox. Commands that need what a sync
 * leaves behind (conflicts decided, packages imported and acknowledged) are tested on it without
 * waiting for the sync engine.
 */
public final class Courier {

    /** Loading JAXB and the package schema takes a moment: once for the whole test run. */
    private static final PackageXml XML = new PackageXml();

    private final Path folder;
    private final Clock clock;
    private final PackageFiles files = new PackageFiles(XML, Sealing.sha256(), ReadLimits.standard());

    public Courier(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the head office publishes for the agent whose station is {@code agentStation}, imported
     * there: the catalog's changes since the agent acknowledged them, then the agent's own package
     * (a full one until the agent has acknowledged one, then a delta based on what it acknowledged).
     * Returns the agent's package's file name.
     */
    public String down(Path headOffice, Path agentStation) {
        String agent;
        try (Database station = open(agentStation)) {
            agent = station.station().agentCode();
        }
        carry(headOffice, PackageStream.catalog(), agent, agentStation);
        return carry(headOffice, PackageStream.toAgent(agent), agent, agentStation);
    }

    /** The agent's package to the head office (what changed since the head office acknowledged), imported there. */
    public String up(Path agentStation, Path headOffice) {
        String agent;
        try (Database station = open(agentStation)) {
            agent = station.station().agentCode();
        }
        return carry(agentStation, PackageStream.fromAgent(agent), PackageStream.HEAD_OFFICE, headOffice);
    }

    private String carry(Path from, PackageStream stream, String recipient, Path to) {
        WrittenPackage written;
        try (Database sender = open(from)) {
            PackageWriter writer = new PackageWriter(sender.station(), clock, files);
            written = sender.inTransaction(c -> {
                long acknowledged = new Acknowledgements().acknowledged(c, stream, recipient);
                boolean first = acknowledged == 0 && stream.direction() == PackageStream.Direction.HEAD_OFFICE_TO_AGENT;
                return first ? writer.writeFull(c, stream, folder) : writer.writeDelta(c, stream, acknowledged, folder);
            });
        }
        try (Database receiver = open(to)) {
            PackageImporter importer = new PackageImporter(receiver.station(), clock, files);
            VerifiedPackage verified = importer.verify(written.file());
            receiver.useTransaction(c -> importer.importPackage(c, verified));
        }
        return written.name().fileName();
    }

    private Database open(Path station) {
        return Database.open(station.resolve("database"), clock);
    }
}
