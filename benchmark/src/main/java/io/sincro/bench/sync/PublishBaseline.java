package io.sincro.bench.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.bench.company.CompanyFixture;
import io.sincro.bench.measure.Snapshot;
import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.format.file.PackageFiles;
import io.sincro.rules.exchange.PackageWriter;
import io.sincro.format.file.WrittenPackage;
import io.sincro.format.ReadLimits;
import io.sincro.format.seal.Sealing;
import io.sincro.format.PackageStream;
import io.sincro.format.xml.PackageXml;

/**
 * What a first publish must upload at least, in the package format itself: the catalog once (a
 * full {@code HQ_catalog} package) and each agent's own data (its customers and their special
 * prices: everything its {@code HQ_to_A01} stream carries besides the catalog, written as a
 * delta from the beginning). Issue 7's target: the first publish uploads at most this plus 10%.
 *
 * <p>Written with the package writer on a throw-away copy of the prepared head office; needs no
 * sync engine.
 */
public final class PublishBaseline {

    private static final Logger log = LoggerFactory.getLogger(PublishBaseline.class);

    /** The least a first publish uploads: the catalog once, plus every agent's own data. */
    public record Bytes(long catalog, long agentsData, int agents) {

        public long total() {
            return catalog + agentsData;
        }
    }

    private final CompanyFixture company;

    public PublishBaseline(CompanyFixture company) {
        this.company = company;
    }

    /** Writes the packages in {@code folder} (removed afterwards) and returns their sizes. */
    public Bytes measure(Path folder) {
        Clock clock = company.clock();
        Path hq = company.preparedHeadOffice().copyTo(folder.resolve("hq"));
        Path packages = folder.resolve("packages");
        try {
            Files.createDirectories(packages);
            PackageWriter writer = new PackageWriter(Station.headOffice(), clock,
                    new PackageFiles(new PackageXml(), Sealing.sha256(), ReadLimits.standard()));
            try (Database db = Database.open(hq.resolve(CompanyFixture.DATABASE), clock)) {
                return db.inTransaction(c -> {
                    long catalog = size(writer.writeFull(c, PackageStream.catalog(), packages));
                    long agents = 0;
                    for (String agent : company.company().agentCodes()) {
                        agents += size(writer.writeDelta(c, PackageStream.toAgent(agent), 0, packages));
                    }
                    Bytes bytes = new Bytes(catalog, agents, company.company().size().agents());
                    log.info("publish baseline: {}", bytes);
                    return bytes;
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not make " + packages + ": " + e.getMessage(), e);
        } finally {
            Snapshot.remove(folder);
        }
    }

    /** The package's size; the file goes at once, 200 agents' packages need not pile up. */
    private static long size(WrittenPackage written) {
        try {
            Files.delete(written.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written.fileBytes();
    }
}
