package io.sincro.sync.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.testing.Sql;
import io.sincro.exchange.PackageNames;
import io.sincro.sync.Republishing;
import io.sincro.sync.SyncReport;

/**
 * A republish survives a crash: the head office killed between the upload of the full package
 * it was asked for and its rename sends that same package at its next sync, under the same number,
 * and writes no second one; the agent imports it once.
 */
final class RepublishCrashIT {

    private static final String HQ = Stations.HQ;
    private static final int SIGKILLED = 137;
    private static final String FULL_PACKAGES = "SELECT COUNT(*) FROM exported_package WHERE stream = 'HQ_to_A01'"
            + " AND kind = 'FULL'";

    @TempDir
    Path dir;
    Stations stations;

    @BeforeEach
    void openStations() {
        stations = new Stations(dir);
    }

    @AfterEach
    void closeStations() {
        stations.close();
    }

    @Test
    void aHeadOfficeKilledWhileSendingARepublishedPackageSendsItOnceAtItsNextSync() {
        stations.agent("A01");
        assertThat(stations.sync(HQ).problems()).isEmpty();
        assertThat(stations.sync("A01").problems()).isEmpty();
        assertThat(stations.sync(HQ).problems()).isEmpty();
        new Republishing(stations.hq(), stations.clock).agent("A01");
        CompletableFuture<StationProcess> hq = new CompletableFuture<>();
        stations.mailbox.stopAt("RNFR", name -> name.startsWith("HQ_to_A01_") && PackageNames.isTemporary(name),
                () -> hq.join().kill());
        hq.complete(stations.launch(HQ, "none"));

        int exit = hq.join().awaitExit();

        assertThat(exit).as(hq.join().output()).isEqualTo(SIGKILLED);
        assertThat(Sql.count(stations.hq(), FULL_PACKAGES)).as("the first snapshot and the one asked for").isEqualTo(2);
        assertThat(Sql.count(stations.hq(), "SELECT COUNT(*) FROM snapshot_request")).isZero();

        SyncReport again = stations.sync(HQ);
        SyncReport received = stations.sync("A01");
        SyncReport after = stations.sync(HQ);

        assertThat(again.problems()).isEmpty();
        assertThat(again.sent()).extracting(SyncReport.Transfer::packageName).contains("HQ_to_A01_000000002.sincro");
        assertThat(received.problems()).isEmpty();
        assertThat(received.received()).extracting(SyncReport.Transfer::packageName)
                .contains("HQ_to_A01_000000002.sincro");
        assertThat(after.problems()).isEmpty();
        assertThat(Sql.count(stations.hq(), FULL_PACKAGES)).isEqualTo(2);
        String customers = "SELECT code, name FROM customer WHERE agent_code = 'A01' ORDER BY code";
        List<List<String>> atHeadOffice = Sql.rows(stations.hq(), customers);
        assertThat(Sql.rows(stations.agent("A01"), customers)).isEqualTo(atHeadOffice).isNotEmpty();
        assertThat(Sql.count(stations.agent("A01"), "SELECT COUNT(*) FROM imported_package WHERE stream = 'HQ_to_A01'"
                + " AND sequence = 2")).isEqualTo(1);
    }
}
