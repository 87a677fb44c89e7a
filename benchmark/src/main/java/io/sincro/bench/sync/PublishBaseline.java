package io.sincro.bench.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.bench.company.CompanyFixture;
import io.sincro.bench.measure.Snapshot;
import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.format.PackageHeader;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageStream;
import io.sincro.format.ReadLimits;
import io.sincro.format.file.PackageFiles;
import io.sincro.format.file.WrittenPackage;
import io.sincro.format.seal.Sealing;
import io.sincro.format.xml.PackageXml;
import io.sincro.rules.flow.FlowRules;

/**
 * What a first publish must upload at least, in the package format itself: the catalog once (a
 * full {@code HQ_catalog} package) and each agent's own data (its customers and their special
 * prices: everything its {@code HQ_to_A01} stream carries besides the catalog, written as a
 * delta from the beginning). The benchmark's target: the first publish uploads at most this plus 10%.
 *
 * <p>Written by the flow rules straight into package files, on a throw-away copy of the prepared
 * head office: no sync, no ledger, so the baseline does not depend on what it measures.
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
            PackageFiles files = new PackageFiles(new PackageXml(), Sealing.sha256(), ReadLimits.standard());
            FlowRules rules = new FlowRules(Station.headOffice());
            try (Database db = Database.open(hq.resolve(CompanyFixture.DATABASE), clock)) {
                return db.inTransaction(c -> {
                    long catalog = size(files.write(packages, header(PackageStream.catalog(), PackageKind.FULL, clock),
                            rows -> rules.send(c, PackageStream.catalog(), PackageKind.FULL, 0, rows)));
                    long agents = 0;
                    for (String agent : company.company().agentCodes()) {
                        PackageStream stream = PackageStream.toAgent(agent);
                        agents += size(files.write(packages, header(stream, PackageKind.DELTA, clock),
                                rows -> rules.send(c, stream, PackageKind.DELTA, 0, rows)));
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

    /** The first package of {@code stream}, written now. */
    private static PackageHeader header(PackageStream stream, PackageKind kind, Clock clock) {
        Instant now = clock.instant();
        return new PackageHeader(PackageHeader.FORMAT_VERSION, stream, 1, kind, 0, now,
                OffsetDateTime.ofInstant(now, clock.getZone()), List.of(), List.of());
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
