package io.sincro.sync.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.agent.orders.NewLine;
import io.sincro.db.Database;
import io.sincro.db.orders.Order;
import io.sincro.db.testing.Sql;
import io.sincro.exchange.PackageNames;
import io.sincro.format.PackageName;
import io.sincro.format.PackageStream;
import io.sincro.sync.SyncReport;

/**
 * RELIABILITY 9: a sync that dies at any step converges at the next run, each package imported
 * exactly once and the clean-up done. Each test kills a real station process, with Derby's normal
 * durability, at one step of its sync (see {@link CrashingSync}); the next sync runs as a user's
 * would, and the tables are compared row by row with the side that sent them.
 *
 * <p>Each test has stations, a mailbox on a port and processes of its own, so the tests run side by
 * side (sync's pom.xml): most of each one's time is a station process starting, syncing and dying.
 */
final class CrashRecoveryIT {

    private static final String HQ = Stations.HQ;
    /** The exit code of a process ended by SIGKILL, as Java reports it on Linux and macOS. */
    private static final int SIGKILLED = 137;

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
    void aSyncStoppedBetweenUploadAndRenameSendsThePackageAgainUnderItsNumberAndItIsImportedOnce() throws IOException {
        firstSyncs("A01");
        Order order = submitAnOrder("A01");
        // the server holds the rename of the agent's package until the agent's process is dead
        CompletableFuture<StationProcess> agent = new CompletableFuture<>();
        stations.mailbox.stopAt("RNFR", name -> name.startsWith("A01_to_HQ_") && PackageNames.isTemporary(name),
                () -> agent.join().kill());
        agent.complete(stations.launch("A01", "none"));

        int exit = agent.join().awaitExit();

        assertThat(exit).as(agent.join().output()).isEqualTo(SIGKILLED);
        List<String> left = stations.mailbox.filesIn("SincroAg/A01");
        assertThat(left).as("the mailbox after the kill").singleElement().matches(PackageNames::isTemporary);
        String temporary = left.get(0);
        String name = temporary.substring(0, temporary.indexOf(PackageNames.TEMPORARY_MARK));
        assertThat(PackageName.parse(name)).map(PackageName::stream).contains(PackageStream.fromAgent("A01"));
        // the head office does not take a temporary name for a package
        SyncReport before = stations.sync(HQ);
        assertThat(before.received()).isEmpty();
        assertThat(ordersOf(stations.hq(), order)).isEmpty();

        SyncReport resent = stations.sync("A01");

        assertThat(resent.problems()).isEmpty();
        // first the stopped package; an acknowledgement of what the agent received may follow it
        assertThat(resent.sent()).extracting(SyncReport.Transfer::packageName).first().isEqualTo(name);
        assertThat(stations.mailbox.filesIn("SincroAg/A01")).contains(name, temporary);
        // the same package, byte for byte: its number was not used for anything else
        assertThat(Files.readAllBytes(stations.mailbox.served("SincroAg/A01").resolve(name)))
                .isEqualTo(Files.readAllBytes(stations.mailbox.served("SincroAg/A01").resolve(temporary)));

        SyncReport received = stations.sync(HQ);
        SyncReport again = stations.sync(HQ);

        assertThat(received.problems()).isEmpty();
        assertThat(received.received()).extracting(SyncReport.Transfer::packageName).contains(name);
        assertThat(again.received()).isEmpty();
        assertThat(stations.mailbox.filesIn("SincroAg/A01")).containsExactly(temporary);
        assertThat(ordersOf(stations.hq(), order)).isEqualTo(ordersOf(stations.agent("A01"), order)).hasSize(1);
        assertThat(linesOf(stations.hq(), order)).isEqualTo(linesOf(stations.agent("A01"), order)).isNotEmpty();
        assertThat(importedAt(HQ, "A01_to_HQ")).contains(name).doesNotContain(temporary).doesNotHaveDuplicates();
        assertThat(journalLines(HQ, "RECEIVED", name)).isEqualTo(1);
        assertThat(Sql.count(stations.hq(), "SELECT COUNT(*) FROM journal WHERE package_name LIKE '%.part-%'")).isZero();

        // the agent clears what its cut upload left, once it is safely old, at its next upload there
        stations.clock.advance(Duration.ofHours(2));
        submitAnOrder("A01");
        SyncReport later = stations.sync("A01");

        assertThat(later.problems()).isEmpty();
        assertThat(stations.mailbox.filesIn("SincroAg/A01")).doesNotContain(temporary).isNotEmpty();
        assertThat(journalLines("A01", "REMOVED", temporary)).isEqualTo(1);
    }

    @Test
    void aSyncKilledAfterTheImportCommittedSkipsThePackageNextTimeAndRemovesIt() {
        firstSyncs("A01");
        Order order = submitAnOrder("A01");
        stations.sync("A01");
        // the package with the order; the one after it acknowledges what the agent received
        List<String> waiting = stations.mailbox.filesIn("SincroAg/A01");
        String name = waiting.get(0);

        StationProcess hq = stations.launch(HQ, "imported:" + name);

        assertThat(hq.awaitExit()).as(hq.output()).isEqualTo(CrashingSync.HALTED);
        // Derby's recovery keeps what committed: the order is there, and so is the package's identity
        assertThat(ordersOf(stations.hq(), order)).hasSize(1);
        assertThat(importedAt(HQ, "A01_to_HQ")).contains(name);
        assertThat(stations.mailbox.filesIn("SincroAg/A01")).isEqualTo(waiting);

        SyncReport next = stations.sync(HQ);

        assertThat(next.problems()).isEmpty();
        assertThat(next.received()).extracting(SyncReport.Transfer::packageName).doesNotContain(name);
        assertThat(next.removed()).contains(name);
        assertThat(stations.mailbox.filesIn("SincroAg/A01")).isEmpty();
        assertThat(ordersOf(stations.hq(), order)).isEqualTo(ordersOf(stations.agent("A01"), order)).hasSize(1);
        assertThat(linesOf(stations.hq(), order)).isEqualTo(linesOf(stations.agent("A01"), order)).isNotEmpty();
        assertThat(journalLines(HQ, "RECEIVED", name)).isEqualTo(1);
        assertThat(journalLines(HQ, "REMOVED", name)).isEqualTo(1);
    }

    @Test
    void anAgentKilledBeforeItAcknowledgedRemovesAndAcknowledgesAtTheNextSyncWithoutImportingAgain() {
        stations.agent("A01");
        stations.sync(HQ);
        String own = "HQ_to_A01_000000001.sincro";

        StationProcess agent = stations.launch("A01", "imported:" + own);

        assertThat(agent.awaitExit()).as(agent.output()).isEqualTo(CrashingSync.HALTED);
        assertThat(stations.mailbox.filesIn("SincroSede/A01")).containsExactly(own);
        assertThat(stations.mailbox.filesIn("SincroAg/A01")).as("no acknowledgement went out").isEmpty();

        SyncReport next = stations.sync("A01");
        SyncReport headOffice = stations.sync(HQ);

        assertThat(next.problems()).isEmpty();
        assertThat(next.received()).isEmpty();
        assertThat(next.removed()).containsExactly(own);
        assertThat(next.sent()).extracting(SyncReport.Transfer::packageName).containsExactly("A01_to_HQ_000000001.sincro");
        assertThat(headOffice.problems()).isEmpty();
        assertThat(Sql.rows(stations.hq(), "SELECT stream, sequence FROM acknowledgement WHERE station = 'A01' ORDER BY stream"))
                .containsExactly(List.of("HQ_catalog", "1"), List.of("HQ_to_A01", "1"));
        assertSameCustomersAndPrices("A01");
        assertSameCatalog("A01");
        assertThat(journalLines("A01", "RECEIVED", own)).isEqualTo(1);
    }

    @Test
    void aSyncKilledInTheMiddleOfAnImportImportsThePackageExactlyOnceNextTime() {
        // A first sync loads each table in one bulk insert, whose rows no other connection sees
        // before the statement ends; the middle of an import is watched in a catalog package that
        // changes 2,400 prices of a station that has them, which goes row by row.
        stations.growCatalog(300, 8);
        stations.agent("A01");
        stations.sync(HQ);
        stations.sync("A01");
        stations.growCatalog(300, 8, 1000);
        stations.sync(HQ);
        String catalog = "HQ_catalog_000000002.sincro";
        String raised = "price_list_row WHERE price >= 1000";
        long priceRows = Sql.count(stations.hq(), "SELECT COUNT(*) FROM " + raised);
        // halfway through the changed rows, under the 5,000 row locks at which Derby takes a table
        // lock instead, which the watcher's count would wait for
        long middle = priceRows / 2;

        StationProcess agent = stations.launch("A01", "midImport:" + catalog + ":" + raised + ":" + middle);

        assertThat(agent.awaitExit()).as(agent.output()).isEqualTo(CrashingSync.HALTED);
        // Derby's recovery rolled the half-import back: nothing of it, not even its identity
        Database recovered = stations.agent("A01");
        assertThat(Sql.count(recovered, "SELECT COUNT(*) FROM " + raised)).isZero();
        assertThat(Sql.count(recovered, "SELECT COUNT(*) FROM imported_package WHERE file_name = '" + catalog + "'"))
                .isZero();
        assertThat(journalLines("A01", "RECEIVED", catalog)).isZero();

        SyncReport next = stations.sync("A01");
        SyncReport again = stations.sync("A01");

        assertThat(next.problems()).isEmpty();
        assertThat(next.received()).extracting(SyncReport.Transfer::packageName).contains(catalog);
        assertThat(again.received()).isEmpty();
        assertThat(Sql.count(recovered, "SELECT COUNT(*) FROM " + raised)).isEqualTo(priceRows);
        assertSameCatalog("A01");
        assertSameCustomersAndPrices("A01");
        assertThat(journalLines("A01", "RECEIVED", catalog)).isEqualTo(1);
    }

    @Test
    void aSyncKilledBetweenDownloadAndImportImportsThePackageOnceNextTime() {
        stations.agent("A01");
        stations.sync(HQ);
        String own = "HQ_to_A01_000000001.sincro";

        StationProcess agent = stations.launch("A01", "importing:" + own);

        assertThat(agent.awaitExit()).as(agent.output()).isEqualTo(CrashingSync.HALTED);
        // the catalog before it committed; this one is downloaded, not imported
        assertThat(importedAt("A01", "HQ_catalog")).containsExactly("HQ_catalog_000000001.sincro");
        assertThat(importedAt("A01", "HQ_to_A01")).isEmpty();
        assertThat(Sql.count(stations.agent("A01"), "SELECT COUNT(*) FROM customer")).isZero();
        assertThat(stations.filesOf("A01", "inbox")).containsExactly(own);

        SyncReport next = stations.sync("A01");

        assertThat(next.problems()).isEmpty();
        assertThat(next.received()).extracting(SyncReport.Transfer::packageName).containsExactly(own);
        assertThat(next.removed()).containsExactly(own);
        assertThat(stations.filesOf("A01", "inbox")).isEmpty();
        assertSameCustomersAndPrices("A01");
        assertSameCatalog("A01");
        assertThat(journalLines("A01", "RECEIVED", own)).isEqualTo(1);
        assertThat(journalLines("A01", "RECEIVED", "HQ_catalog_000000001.sincro")).isEqualTo(1);
    }

    /** The head office publishes, the agent takes its first packages and acknowledges, the head office reads that. */
    private void firstSyncs(String agent) {
        stations.agent(agent);
        assertThat(stations.sync(HQ).problems()).isEmpty();
        assertThat(stations.sync(agent).problems()).isEmpty();
        assertThat(stations.sync(HQ).problems()).isEmpty();
    }

    private Order submitAnOrder(String agent) {
        var work = stations.work(agent);
        String customer = Sql.column(stations.agent(agent), "SELECT code FROM customer ORDER BY code").get(0);
        Order order = work.orders().create(customer, "crash test");
        work.orders().addLine(order.number(), NewLine.of("P00001", "12"));
        work.orders().addLine(order.number(), NewLine.of("P00002", "3"));
        return work.orders().submit(order.number());
    }

    private static List<List<String>> ordersOf(Database db, Order order) {
        return Sql.rows(db, "SELECT series, number, customer_code, order_date, delivery_date, notes FROM customer_order"
                + " WHERE series = '" + order.number().series() + "' AND number = " + order.number().number());
    }

    private static List<List<String>> linesOf(Database db, Order order) {
        return Sql.rows(db, "SELECT line_no, product_code, quantity, unit_price, discount FROM order_line WHERE series = '"
                + order.number().series() + "' AND number = " + order.number().number() + " ORDER BY line_no");
    }

    private List<String> importedAt(String station, String stream) {
        return Sql.column(stations.database(station),
                "SELECT file_name FROM imported_package WHERE stream = '" + stream + "' ORDER BY sequence");
    }

    private long journalLines(String station, String event, String packageName) {
        return Sql.count(stations.database(station), "SELECT COUNT(*) FROM journal WHERE event = '" + event
                + "' AND package_name = '" + packageName + "'");
    }

    private void assertSameCatalog(String agent) {
        for (String query : new String[] {
                "SELECT code, description, unit, vat_rate, active FROM product ORDER BY code",
                "SELECT code, description FROM price_list ORDER BY code",
                "SELECT price_list_code, product_code, price FROM price_list_row ORDER BY price_list_code, product_code",
                "SELECT product_code, quantity FROM stock ORDER BY product_code"}) {
            assertThat(Sql.rows(stations.agent(agent), query)).as(query)
                    .isEqualTo(Sql.rows(stations.hq(), query)).isNotEmpty();
        }
    }

    private void assertSameCustomersAndPrices(String agent) {
        String customers = "SELECT code, name, vat_number, address, city, email, phone, agent_code, price_list_code"
                + " FROM customer WHERE agent_code = '" + agent + "' ORDER BY code";
        String prices = "SELECT p.customer_code, p.product_code, p.price, p.discount FROM special_price p JOIN customer c"
                + " ON c.code = p.customer_code WHERE c.agent_code = '" + agent + "' ORDER BY 1, 2";
        assertThat(Sql.rows(stations.agent(agent), customers)).isEqualTo(Sql.rows(stations.hq(), customers)).isNotEmpty();
        assertThat(Sql.rows(stations.agent(agent), prices)).isEqualTo(Sql.rows(stations.hq(), prices)).isNotEmpty();
    }

}
