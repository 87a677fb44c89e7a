package io.sincro.sync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.db.testing.NewStation;
import io.sincro.db.testing.Sql;
import io.sincro.db.testing.TestClock;
import io.sincro.format.Acknowledgement;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageName;
import io.sincro.format.PackageStream;

/** The ledger of packages a station wrote: what one statement records of an upload, and a stream's two ends. */
class ExportedPackagesTest {

    private static final PackageStream OWN = PackageStream.fromAgent("A01");

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");
    private final ExportedPackages exported = new ExportedPackages();

    @RegisterExtension
    final NewStation station = NewStation.agent("A01", clock);

    @Test
    void aPackageDoneWithOnUploadIsRemovedInTheSameStatement() {
        PackageName name = write(1, 0);
        Instant at = clock.instant();

        station.db().useTransaction(c -> exported.uploaded(c, name, at, true));

        assertThat(removedAt(1)).containsExactly("2026-03-02 08:00:00.0");
        List<ExportedPackage> live = station.db().inTransaction(c -> exported.notRemoved(c, OWN));
        assertThat(live).isEmpty();
    }

    @Test
    void aPackageStillToBeAcknowledgedStaysOnRecordWhenUploaded() {
        PackageName name = write(1, 5);

        station.db().useTransaction(c -> exported.uploaded(c, name, clock.instant(), false));

        assertThat(removedAt(1)).containsExactly((String) null);
        List<ExportedPackage> live = station.db().inTransaction(c -> exported.notRemoved(c, OWN));
        assertThat(live).singleElement().satisfies(p -> assertThat(p.isUploaded()).isTrue());
    }

    @Test
    void anUploadAgainKeepsTheFirstRemovalTime() {
        PackageName name = write(1, 0);
        Instant first = clock.instant();
        station.db().useTransaction(c -> exported.uploaded(c, name, first, true));

        station.db().useTransaction(c -> exported.uploaded(c, name, first.plus(Duration.ofHours(1)), true));

        assertThat(removedAt(1)).containsExactly("2026-03-02 08:00:00.0");
    }

    @Test
    void theEndsOfAStreamAreItsLastPackageAndItsLastWithContent() {
        ExportedPackages.Ends none = station.db().inTransaction(c -> exported.ends(c, OWN));
        assertThat(none).isEqualTo(new ExportedPackages.Ends(0, 0));

        write(1, 3);
        write(2, 0);

        ExportedPackages.Ends ends = station.db().inTransaction(c -> exported.ends(c, OWN));
        assertThat(ends).isEqualTo(new ExportedPackages.Ends(2, 1));
    }

    @Test
    void packageNoneIsNeverFoundAndAcknowledgedNothing() {
        write(1, 0);

        Optional<ExportedPackage> found = station.db().inTransaction(c -> exported.find(c, OWN, 0));
        List<Acknowledgement> acknowledged = station.db().inTransaction(c -> exported.acknowledgedBy(c, OWN, 0));
        assertThat(found).isEmpty();
        assertThat(acknowledged).isEmpty();
    }

    /** Records package {@code sequence} of the agent's stream, a delta carrying {@code rows} rows. */
    private PackageName write(long sequence, long rows) {
        PackageName name = new PackageName(OWN, sequence);
        station.db().useTransaction(c -> exported.record(c, ExportedPackage.written(name, PackageKind.DELTA,
                sequence - 1, sequence, 100, "0".repeat(64), clock.instant(), rows), List.of()));
        return name;
    }

    private List<String> removedAt(long sequence) {
        return Sql.column(station.db(),
                "SELECT removed_at FROM exported_package WHERE sequence = " + sequence);
    }
}
