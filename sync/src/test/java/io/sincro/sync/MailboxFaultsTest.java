package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.agent.AgentStation;
import io.sincro.agent.orders.NewLine;
import io.sincro.db.Database;
import io.sincro.db.orders.Order;
import io.sincro.db.testing.Sql;
import io.sincro.exchange.Mailbox;
import io.sincro.exchange.PackageNames;
import io.sincro.exchange.ftp.FtpMailbox;
import io.sincro.exchange.ftp.FtpSettings;
import io.sincro.exchange.ftp.TlsMode;
import io.sincro.exchange.server.ServeOptions;
import io.sincro.sync.ledger.ExportedPackage;
import io.sincro.sync.ledger.ExportedPackages;
import io.sincro.testing.SampleStations;

/** What the mailbox does wrong, and how the sync comes through it (RELIABILITY 8 to 12 and 18). */
class MailboxFaultsTest {

    private static final String AGENT_STATE = "SELECT code, name FROM customer ORDER BY code";

    /** The sample company with agent A01's station prepared, and their mailbox. */
    @RegisterExtension
    final Company company = Company.withAgents("A01");

    @Test
    void aFailedUploadIsRetriedUnderTheSameNumberAndTheQueueShowsAttemptsAndLastError() throws IOException {
        company.syncHeadOffice();
        company.sync("A01");
        Order order = submitOrder(company.work("A01"));

        SyncReport failed;
        try (Mailbox unreachable = unreachableMailbox()) {
            failed = company.sync("A01", unreachable);
        }

        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.problems().get(0)).contains("was not sent (attempt 1)").contains("the next sync sends it again");
        List<ExportedPackage> queue = company.agent("A01").inTransaction(new ExportedPackages()::waiting);
        assertThat(queue).singleElement().satisfies(p -> {
            assertThat(p.attempts()).isEqualTo(1);
            assertThat(p.lastError()).isPresent();
        });
        String name = queue.get(0).name().fileName();

        SyncReport retried = company.sync("A01");
        company.syncHeadOffice();

        assertThat(retried.sent()).extracting(SyncReport.Transfer::packageName).containsExactly(name);
        assertThat(company.agent("A01").inTransaction(new ExportedPackages()::waiting)).isEmpty();
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM customer_order WHERE number = " + order.number().number()))
                .isEqualTo(1);
    }

    @Test
    void aPackageLostFromTheMailboxAndTheOutboxSaysHowToSendTheAgentItsDataAfresh() throws IOException {
        company.syncHeadOffice();
        Files.delete(company.served("SincroSede/A01/HQ_to_A01_000000001.sincro"));
        Files.delete(company.root.resolve(SampleStations.HEAD_OFFICE).resolve("outbox/HQ_to_A01_000000001.sincro"));
        company.advance(Duration.ofHours(2));

        SyncReport stuck = company.syncHeadOffice();
        new Republishing(company.hq, company.hqClock).agent("A01");
        SyncReport republished = company.syncHeadOffice();
        SyncReport received = company.sync("A01");

        assertThat(stuck.problems()).anySatisfy(p -> assertThat(p).contains("HQ_to_A01_000000001.sincro waits to be"
                + " sent but its file is gone").contains("run 'sincro hq republish A01'"));
        assertThat(republished.problems()).isEmpty();
        assertThat(received.problems()).isEmpty();
        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM customer")).isPositive();
    }

    @Test
    void aTamperedPackageIsSetAsideChangesNothingAndIsNotRetriedInALoop() throws IOException {
        company.syncHeadOffice();
        Path served = company.served("SincroSede/A01/HQ_to_A01_000000001.sincro");
        byte[] bytes = Files.readAllBytes(served);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(served, bytes);

        SyncReport first = company.sync("A01");
        SyncReport second = company.sync("A01");

        assertThat(first.problems()).singleElement().asString().contains("HQ_to_A01_000000001.sincro was refused")
                .contains("set aside in");
        assertThat(company.folder("A01").resolve("rejected/HQ_to_A01_000000001.sincro")).exists();
        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM customer")).isZero();
        assertThat(second.problems()).singleElement().asString().contains("refused by an earlier sync");
        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM journal WHERE event = 'REJECTED'")).isEqualTo(1);
        assertThat(company.packagesIn("SincroSede/A01")).containsExactly("HQ_to_A01_000000001.sincro");
    }

    @Test
    void aMissingSequenceNumberStopsTheStreamWithAMessageNamingIt() throws IOException {
        company.syncHeadOffice();
        company.sync("A01");
        changeA01sCustomerAtHeadOffice("first");
        company.syncHeadOffice();
        changeA01sCustomerAtHeadOffice("second");
        company.syncHeadOffice();
        assertThat(company.packagesIn("SincroSede/A01"))
                .containsExactly("HQ_to_A01_000000002.sincro", "HQ_to_A01_000000003.sincro");
        Files.delete(company.served("SincroSede/A01/HQ_to_A01_000000002.sincro"));

        SyncReport report = company.sync("A01");

        assertThat(report.succeeded()).isFalse();
        assertThat(report.problems()).singleElement().asString().contains("HQ_to_A01_000000003.sincro")
                .contains("package 2 must be imported first");
        assertThat(company.packagesIn("SincroSede/A01")).containsExactly("HQ_to_A01_000000003.sincro");
    }

    @Test
    void aPackageSeenAgainAfterItsImportChangesNothingAndLeavesTheMailbox() throws IOException {
        company.syncHeadOffice();
        Path served = company.served("SincroSede/A01/HQ_to_A01_000000001.sincro");
        byte[] copy = Files.readAllBytes(served);
        company.sync("A01");
        List<List<String>> after = Sql.rows(company.agent("A01"), AGENT_STATE);
        // as if the delete after the commit had failed
        Files.write(served, copy);

        SyncReport again = company.sync("A01");

        assertThat(again.problems()).isEmpty();
        assertThat(again.received()).isEmpty();
        assertThat(again.removed()).contains("HQ_to_A01_000000001.sincro");
        assertThat(served).doesNotExist();
        assertThat(Sql.rows(company.agent("A01"), AGENT_STATE)).isEqualTo(after);
        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM imported_package WHERE stream = 'HQ_to_A01'"))
                .isEqualTo(1);
    }

    @Test
    void aPackageLostFromTheMailboxBeforeItWasAcknowledgedIsSentAgain() throws IOException {
        company.syncHeadOffice();
        company.sync("A01");
        Order order = submitOrder(company.work("A01"));
        SyncReport sent = company.sync("A01");
        String name = sent.sent().get(0).packageName();
        Files.delete(company.served("SincroAg/A01/" + name));

        company.advance(Duration.ofHours(2));
        SyncReport again = company.sync("A01");
        company.syncHeadOffice();

        assertThat(again.sent()).singleElement().satisfies(t -> {
            assertThat(t.packageName()).isEqualTo(name);
            assertThat(t.detail()).contains("sent again");
        });
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM customer_order WHERE number = " + order.number().number()))
                .isEqualTo(1);
    }

    @Test
    void anEmptySnapshotLostFromTheMailboxIsSentAgainSinceItsAgentStartsFromIt() throws IOException {
        company.hq.useTransaction(c -> new io.sincro.db.agents.Agents().save(c, io.sincro.db.testing.Rows.agent("A09"),
                company.hqClock.instant()));
        company.agent("A09");
        company.syncHeadOffice();
        Files.delete(company.served("SincroSede/A09/HQ_to_A09_000000001.sincro"));

        company.advance(Duration.ofHours(2));
        SyncReport again = company.syncHeadOffice();

        assertThat(again.sent()).extracting(SyncReport.Transfer::packageName).contains("HQ_to_A09_000000001.sincro");
        assertThat(company.sync("A09").problems()).isEmpty();
    }

    @Test
    void theHeadOfficesAcknowledgementLetsTheAgentForgetWhatItSent() {
        company.syncHeadOffice();
        company.sync("A01");
        submitOrder(company.work("A01"));
        company.sync("A01");
        company.syncHeadOffice();
        company.sync("A01");

        assertThat(Sql.count(company.agent("A01"),
                "SELECT COUNT(*) FROM exported_package WHERE row_count > 0 AND removed_at IS NULL")).isZero();
        assertThat(company.folder("A01").resolve("outbox")).isEmptyDirectory();
    }

    @Test
    void aStationPreparedAgainGetsASnapshotAndCarriesOnTheNumbering() {
        company.syncHeadOffice();
        company.sync("A01");
        Order before = submitOrder(company.work("A01"));
        company.sync("A01");
        company.syncHeadOffice();
        long lastReceived = Sql.count(company.hq, "SELECT MAX(sequence) FROM imported_package WHERE stream = 'A01_to_HQ'");

        Database again = company.prepareAgain("A01");
        SyncReport published = company.syncHeadOffice();
        SyncReport first = company.sync("A01");
        Order after = submitOrder(company.work("A01"));
        SyncReport sent = company.sync("A01");
        SyncReport received = company.syncHeadOffice();

        assertThat(published.problems()).isEmpty();
        assertThat(first.problems()).isEmpty();
        assertThat(Sql.count(again, "SELECT COUNT(*) FROM customer")).isEqualTo(
                Sql.count(company.hq, "SELECT COUNT(*) FROM customer WHERE agent_code = 'A01'"));
        assertThat(after.number().number()).isGreaterThan(before.number().number());
        assertThat(sent.sent()).allSatisfy(t -> assertThat(Long.parseLong(t.packageName().replaceAll("\\D", "")
                .substring(3))).isGreaterThan(lastReceived));
        assertThat(received.problems()).isEmpty();
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM customer_order WHERE series = 'A01'")).isEqualTo(2);
    }

    @Test
    void aSenderClockFarAheadIsReportedInTheSyncAndTheJournal() {
        company.syncHeadOffice();
        company.sync("A01");
        company.clock("A01").advance(Duration.ofMinutes(40));
        submitOrder(company.work("A01"));
        company.sync("A01");

        SyncReport report = company.syncHeadOffice();

        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("the clock of agent A01 was at least 40"
                + " minutes ahead"));
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM journal WHERE event = 'CLOCK'")).isEqualTo(1);
    }

    @Test
    void checkSaysWhatWaitsAndAppliesNothing() {
        company.syncHeadOffice();

        SyncCheck check = company.check("A01");

        assertThat(check.waiting()).containsExactly("HQ_catalog_000000001.sincro", "HQ_to_A01_000000001.sincro");
        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM product")).isZero();
        assertThat(company.packagesIn("SincroSede/A01")).containsExactly("HQ_to_A01_000000001.sincro");
    }

    @Test
    void aNewCatalogSnapshotReplacesTheOlderCatalogPackagesInTheMailbox() {
        company.with(SyncOptions.defaults().withSnapshotAfterPercent(1));
        company.syncHeadOffice();
        company.sync("A01");
        // a few prices change: with the threshold at 1% of the snapshot's size, a new snapshot follows
        List<List<String>> rows = Sql.rows(company.hq,
                "SELECT price_list_code, product_code FROM price_list_row FETCH FIRST 20 ROWS ONLY");
        company.hq.useTransaction(c -> {
            for (List<String> row : rows) {
                new io.sincro.db.catalog.PriceLists().save(c, io.sincro.db.testing.Rows.price(row.get(0), row.get(1),
                        "1.23"), company.hqClock.instant());
            }
        });

        SyncReport published = company.syncHeadOffice();
        Database newcomer = company.agent("A02");
        company.syncHeadOffice();
        SyncReport joined = company.sync("A02");
        SyncReport caughtUp = company.sync("A01");

        assertThat(published.sent()).extracting(SyncReport.Transfer::packageName)
                .contains("HQ_catalog_000000002.sincro", "HQ_catalog_000000003.sincro");
        assertThat(company.packagesIn("SincroSede")).containsExactly("HQ_catalog_000000003.sincro");
        assertThat(joined.problems()).isEmpty();
        assertThat(caughtUp.problems()).isEmpty();
        String prices = "SELECT price_list_code, product_code, price FROM price_list_row ORDER BY 1, 2";
        assertThat(Sql.rows(newcomer, prices)).isEqualTo(Sql.rows(company.hq, prices));
        assertThat(Sql.rows(company.agent("A01"), prices)).isEqualTo(Sql.rows(company.hq, prices));
    }

    private void changeA01sCustomerAtHeadOffice(String note) {
        company.advance(Duration.ofMinutes(5));
        company.hq.useTransaction(c -> new io.sincro.db.prices.SpecialPrices().save(c,
                new io.sincro.db.prices.SpecialPrice("C00001", "P00001", new java.math.BigDecimal(note.length()),
                        java.math.BigDecimal.ZERO, company.hqClock.instant(), "HQ")));
    }

    private static Order submitOrder(AgentStation agent) {
        Order order = agent.orders().create("C00001", null);
        agent.orders().addLine(order.number(), NewLine.of("P00001", "3"));
        return agent.orders().submit(order.number());
    }

    private Mailbox unreachableMailbox() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        FtpSettings settings = FtpSettings.of(ServeOptions.LOOPBACK, closedPort, Company.USER, Company.PASSWORD,
                TlsMode.NONE).withRetries(0, Duration.ZERO).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(2));
        return new FtpMailbox(settings, PackageNames.endingWith(".sincro"), company.hqClock);
    }
}
