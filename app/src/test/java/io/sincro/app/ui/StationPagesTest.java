package io.sincro.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.agent.AgentStation;
import io.sincro.agent.orders.NewLine;
import io.sincro.app.ExchangedStations;
import io.sincro.app.LoopbackStations;
import io.sincro.app.SampleHeadOffice;
import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.settings.Settings;
import io.sincro.db.Database;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.testing.TestClock;
import io.sincro.sync.SyncProgress;
import io.sincro.sync.SyncReport;

/**
 * The station {@code sincro ui} serves: as it stops, a sync the pages started ends before the database
 * closes; a sync handed to it waits for the pages' one.
 */
class StationPagesTest {

    private final TestClock clock = TestClock.at(SampleHeadOffice.AT);

    @Test
    void closingWaitsForTheRunningSyncAndThenStartsNoMore(@TempDir Path folder) throws Exception {
        Path root = ExchangedStations.copyTo(folder);
        Path a01 = root.resolve(ExchangedStations.AGENT);
        Map<String, String> variables = Map.of("SINCRO_FTP_PASSWORD", LoopbackStations.PASSWORD);
        try (LoopbackStations mailbox = LoopbackStations.serve(root.resolve(ExchangedStations.MAILBOX), clock, a01)) {
            Settings settings = Settings.load(a01.resolve(Settings.FILE_NAME), variables);
            Database database = Database.open(settings.databasePath(), clock);
            try {
                submitAnOrder(database);
                StationPages pages = new StationPages(database, settings, new AppEnvironment(clock, variables, a01));
                CountDownLatch uploading = new CountDownLatch(1);
                CountDownLatch goOn = new CountDownLatch(1);
                SyncProgress paused = new SyncProgress() {
                    @Override
                    public void uploading(String packageName, long bytes) {
                        uploading.countDown();
                        await(goOn);
                    }
                };
                CompletableFuture<SyncReport> sync = CompletableFuture.supplyAsync(() -> pages.sync(paused));
                uploading.await();
                // as sincro ui stops: the pages, then the database
                Thread closer = new Thread(() -> {
                    pages.close();
                    database.close();
                }, "closer");
                closer.start();
                // until the closer waits for the sync (or, were it not to, has ended)
                while (closer.getState() != Thread.State.WAITING && closer.isAlive()) {
                    Thread.onSpinWait();
                }
                boolean closerWaited = closer.isAlive();
                goOn.countDown();
                SyncReport report = sync.join();
                closer.join();

                assertThat(closerWaited).as("the database was closed during the sync").isTrue();
                assertThat(report.problems()).isEmpty();
                assertThatThrownBy(() -> pages.sync(SyncProgress.NONE))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage("Sincro is stopping, so the sync did not start; start sincro ui again to sync");
            } finally {
                database.close();
            }
        }
    }

    @Test
    void aSyncHandedToTheUiWaitsForTheOneThePagesStarted(@TempDir Path folder) throws Exception {
        Path root = ExchangedStations.copyTo(folder);
        Path a01 = root.resolve(ExchangedStations.AGENT);
        Map<String, String> variables = Map.of("SINCRO_FTP_PASSWORD", LoopbackStations.PASSWORD);
        try (LoopbackStations mailbox = LoopbackStations.serve(root.resolve(ExchangedStations.MAILBOX), clock, a01)) {
            Settings settings = Settings.load(a01.resolve(Settings.FILE_NAME), variables);
            try (Database database = Database.open(settings.databasePath(), clock);
                    StationPages pages = new StationPages(database, settings, new AppEnvironment(clock, variables, a01))) {
                submitAnOrder(database);
                CountDownLatch uploading = new CountDownLatch(1);
                CountDownLatch goOn = new CountDownLatch(1);
                SyncProgress paused = new SyncProgress() {
                    @Override
                    public void uploading(String packageName, long bytes) {
                        uploading.countDown();
                        await(goOn);
                    }
                };
                CompletableFuture<SyncReport> fromThePages = CompletableFuture.supplyAsync(() -> pages.sync(paused));
                uploading.await();
                List<String> said = new CopyOnWriteArrayList<>();

                CompletableFuture<Integer> handed = CompletableFuture.supplyAsync(() -> pages.exclusively(
                        () -> said.add("waits"), () -> {
                            said.add("runs");
                            return 0;
                        }));
                while (said.isEmpty()) {
                    Thread.onSpinWait();
                }
                List<String> whileThePagesSynced = List.copyOf(said);
                goOn.countDown();

                assertThat(fromThePages.join().problems()).isEmpty();
                assertThat(handed.join()).isZero();
                assertThat(whileThePagesSynced).containsExactly("waits");
                assertThat(said).containsExactly("waits", "runs");
            }
        }
    }

    @Test
    void theSyncPagesSummarySaysWhyTheEmailNoticesDidNotGo(@TempDir Path folder) throws Exception {
        Path root = ExchangedStations.copyTo(folder);
        Path a01 = root.resolve(ExchangedStations.AGENT);
        Map<String, String> variables = Map.of("SINCRO_FTP_PASSWORD", LoopbackStations.PASSWORD);
        try (LoopbackStations mailbox = LoopbackStations.serve(root.resolve(ExchangedStations.MAILBOX), clock, a01)) {
            Files.writeString(a01.resolve(Settings.FILE_NAME), "mail.host=127.0.0.1\nmail.security=pigeon\n",
                    StandardOpenOption.APPEND);
            Settings settings = Settings.load(a01.resolve(Settings.FILE_NAME), variables);
            try (Database database = Database.open(settings.databasePath(), clock);
                    StationPages pages = new StationPages(database, settings, new AppEnvironment(clock, variables, a01))) {
                SyncReport report = pages.sync(SyncProgress.NONE);

                assertThat(report.problems()).isEmpty();
                assertThat(report.warnings()).singleElement(InstanceOfAssertFactories.STRING)
                        .startsWith("e-mail notices wait for the next sync: ")
                        .contains("mail.security");
            }
        }
    }

    private void submitAnOrder(Database database) {
        AgentStation station = new AgentStation(database, clock);
        OrderNumber number = station.orders().create("C00001", null).number();
        station.orders().addLine(number, NewLine.of("P00001", "1"));
        station.orders().submit(number);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
