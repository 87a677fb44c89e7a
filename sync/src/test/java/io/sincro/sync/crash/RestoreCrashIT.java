package io.sincro.sync.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.agent.AgentStation;
import io.sincro.agent.orders.NewLine;
import io.sincro.db.orders.Order;
import io.sincro.db.testing.Sql;
import io.sincro.exchange.PackageNames;
import io.sincro.sync.SyncReport;

/**
 * A restore survives a crash: the head office, restored from a copy of its closed database folder,
 * killed while it sends the first full package of its new epoch, finishes the job at its next sync
 * without taking a second epoch, and every order the agent sent after the backup is there once.
 */
final class RestoreCrashIT {

    private static final String HQ = Stations.HQ;
    private static final int SIGKILLED = 137;
    private static final String ORDERS = "SELECT series, number, customer_code FROM customer_order WHERE series = 'A01'"
            + " ORDER BY number";
    private static final String PRICES = "SELECT p.customer_code, p.product_code, p.price, p.discount FROM special_price p"
            + " JOIN customer c ON c.code = p.customer_code WHERE c.agent_code = 'A01' ORDER BY 1, 2";
    private static final String RESTORED_EPOCHS = "SELECT COUNT(*) FROM exchange_epoch WHERE cause = 'RESTORED'";

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
    void aRestoredHeadOfficeKilledWhileSendingItsFullPackageConvergesWithOneNewEpoch() {
        stations.agent("A01");
        stations.sync(HQ);
        stations.sync("A01");
        stations.sync(HQ);
        Path database = stations.folder(HQ).resolve("database");
        Path backup = dir.resolve("hq-backup");
        stations.release(HQ);
        copy(database, backup);
        for (int round = 1; round <= 2; round++) {
            submitAnOrder(round);
            stations.sync("A01");
            stations.sync(HQ);
            stations.sync("A01");
        }
        stations.release(HQ);
        delete(database);
        copy(backup, database);
        CompletableFuture<StationProcess> hq = new CompletableFuture<>();
        stations.mailbox.stopAt("RNFR", name -> name.startsWith("HQ_to_A01_") && PackageNames.isTemporary(name),
                () -> hq.join().kill());
        hq.complete(stations.launch(HQ, "none"));

        int exit = hq.join().awaitExit();

        assertThat(exit).as(hq.join().output()).isEqualTo(SIGKILLED);
        assertThat(Sql.count(stations.hq(), RESTORED_EPOCHS)).isEqualTo(1);

        SyncReport again = stations.sync(HQ);
        SyncReport agent = stations.sync("A01");
        SyncReport last = null;
        for (int i = 0; i < 3; i++) {
            last = stations.sync(HQ);
            assertThat(stations.sync("A01").problems()).isEmpty();
        }
        assertThat(last.problems()).isEmpty();

        // the agent's packages written before it heard of the restore wait, and say why
        assertThat(again.problems()).allSatisfy(p -> assertThat(p).contains("must be imported first",
                "this head office's database was found restored from a backup", "agent A01 sends again"));
        assertThat(again.sent()).extracting(SyncReport.Transfer::packageName).anyMatch(n -> n.startsWith("HQ_to_A01_"));
        assertThat(again.warnings()).noneSatisfy(w -> assertThat(w).contains("behind what it had reached"));
        assertThat(agent.warnings()).anySatisfy(w -> assertThat(w).contains("its database went back"));
        assertThat(Sql.count(stations.hq(), RESTORED_EPOCHS)).isEqualTo(1);
        assertThat(Sql.rows(stations.hq(), ORDERS)).isEqualTo(Sql.rows(stations.agent("A01"), ORDERS)).hasSize(2);
        assertThat(Sql.rows(stations.hq(), PRICES)).isEqualTo(Sql.rows(stations.agent("A01"), PRICES)).isNotEmpty();
    }

    private void submitAnOrder(int round) {
        AgentStation work = stations.work("A01");
        String customer = Sql.column(stations.agent("A01"), "SELECT code FROM customer ORDER BY code").get(0);
        Order order = work.orders().create(customer, "round " + round);
        work.orders().addLine(order.number(), NewLine.of("P00001", String.valueOf(round)));
        work.orders().submit(order.number());
        work.prices().setSpecialPrice(customer, "P00002", new BigDecimal("2" + round + ".00"), BigDecimal.ZERO);
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
