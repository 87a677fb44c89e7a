package io.sincro.sync.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.agent.orders.NewLine;
import io.sincro.db.Database;
import io.sincro.db.orders.Order;
import io.sincro.db.testing.Sql;
import io.sincro.sync.SyncReport;

/**
 * RELIABILITY 10: what follows an import's commit (the delete from the mailbox, the
 * acknowledgement) may fail; the import stands, and the next sync skips the package, cleans up
 * and sends what was not sent. The failures are real FTP replies: the server refuses with 550, as
 * one does when the user lacks the right.
 */
final class CleanUpAfterImportTest {

    private static final String HQ = Stations.HQ;

    /** What the head office holds of agent A01's work, and of the packages it received. */
    private static final List<String> HEAD_OFFICE_VIEW = List.of(
            "SELECT series, number, customer_code, status, order_date, notes FROM customer_order ORDER BY series, number",
            "SELECT series, number, line_no, product_code, quantity, unit_price, discount FROM order_line ORDER BY 1, 2, 3",
            "SELECT code, name, agent_code FROM customer ORDER BY code",
            "SELECT stream, sequence, file_name, sha256 FROM imported_package ORDER BY stream, sequence");

    /** What agent A01 holds of what the head office sent it. */
    private static final List<String> AGENT_VIEW = List.of(
            "SELECT code, name, vat_number, address, city, agent_code, price_list_code FROM customer ORDER BY code",
            "SELECT customer_code, product_code, price, discount FROM special_price ORDER BY 1, 2",
            "SELECT code, description, unit, vat_rate, active FROM product ORDER BY code",
            "SELECT price_list_code, product_code, price FROM price_list_row ORDER BY 1, 2",
            "SELECT product_code, quantity FROM stock ORDER BY 1",
            "SELECT stream, sequence, file_name, sha256 FROM imported_package ORDER BY stream, sequence");

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
    void aPackageTheMailboxWouldNotLetGoStaysImportedAndLeavesAtTheNextSyncWithoutDoublingAnOrder() {
        stations.agent("A01");
        stations.sync(HQ);
        stations.sync("A01");
        Order order = submitAnOrder("A01");
        stations.sync("A01");
        List<String> waiting = stations.mailbox.filesIn("SincroAg/A01");
        stations.mailbox.refuse("DELE", name -> name.startsWith("A01_to_HQ_"));

        SyncReport refused = stations.sync(HQ);

        assertThat(refused.problems()).isEmpty();
        assertThat(refused.received()).extracting(SyncReport.Transfer::packageName).isEqualTo(waiting);
        assertThat(refused.warnings()).hasSize(waiting.size()).allSatisfy(w -> assertThat(w)
                .contains("is imported but could not be removed").contains("it will not be imported twice"));
        assertThat(stations.mailbox.filesIn("SincroAg/A01")).isEqualTo(waiting);
        assertThat(Sql.count(stations.hq(), "SELECT COUNT(*) FROM customer_order WHERE series = 'A01' AND number = "
                + order.number().number())).isEqualTo(1);
        Map<String, List<List<String>>> imported = view(stations.hq(), HEAD_OFFICE_VIEW);

        stations.mailbox.behave();
        SyncReport next = stations.sync(HQ);

        assertThat(next.problems()).isEmpty();
        assertThat(next.warnings()).isEmpty();
        assertThat(next.received()).isEmpty();
        assertThat(next.removed()).isEqualTo(waiting);
        assertThat(stations.mailbox.filesIn("SincroAg/A01")).isEmpty();
        assertThat(view(stations.hq(), HEAD_OFFICE_VIEW)).isEqualTo(imported);
        for (String name : waiting) {
            assertThat(journal(stations.hq(), "RECEIVED", name)).as(name).containsExactly("OK");
            assertThat(journal(stations.hq(), "REMOVED", name)).as(name).containsExactly("WARNING", "OK");
        }
    }

    @Test
    void anAcknowledgementThatCouldNotBeSentNeverUndoesTheImportAndGoesOutNextTimeUnderItsNumber() {
        stations.agent("A01");
        stations.sync(HQ);
        stations.mailbox.refuse("STOR", name -> name.startsWith("A01_to_HQ_"));

        SyncReport refused = stations.sync("A01");

        assertThat(refused.received()).extracting(SyncReport.Transfer::packageName)
                .containsExactly("HQ_catalog_000000001.sincro", "HQ_to_A01_000000001.sincro");
        assertThat(refused.sent()).isEmpty();
        assertThat(refused.problems()).singleElement().asString()
                .startsWith("A01_to_HQ_000000001.sincro was not sent (attempt 1)").contains("the next sync sends it again");
        assertThat(refused.stillQueued()).isEqualTo(1);
        assertThat(stations.mailbox.filesIn("SincroSede/A01")).as("removed after its commit, ack or not").isEmpty();
        assertSameAsHeadOffice("A01");
        Map<String, List<List<String>>> imported = view(stations.agent("A01"), AGENT_VIEW);

        stations.mailbox.behave();
        SyncReport next = stations.sync("A01");
        SyncReport headOffice = stations.sync(HQ);

        assertThat(next.problems()).isEmpty();
        assertThat(next.received()).isEmpty();
        assertThat(next.sent()).extracting(SyncReport.Transfer::packageName).containsExactly("A01_to_HQ_000000001.sincro");
        assertThat(next.sent().get(0).detail()).contains("attempt 2");
        assertThat(view(stations.agent("A01"), AGENT_VIEW)).isEqualTo(imported);
        assertThat(headOffice.received()).extracting(SyncReport.Transfer::packageName)
                .containsExactly("A01_to_HQ_000000001.sincro");
        assertThat(Sql.rows(stations.hq(), "SELECT stream, sequence FROM acknowledgement WHERE station = 'A01' ORDER BY stream"))
                .containsExactly(List.of("HQ_catalog", "1"), List.of("HQ_to_A01", "1"));
    }

    private Order submitAnOrder(String agent) {
        var work = stations.work(agent);
        String customer = Sql.column(stations.agent(agent), "SELECT code FROM customer ORDER BY code").get(0);
        Order order = work.orders().create(customer, "cleanup test");
        work.orders().addLine(order.number(), NewLine.of("P00003", "5"));
        return work.orders().submit(order.number());
    }

    private void assertSameAsHeadOffice(String agent) {
        String customers = "SELECT code, name, vat_number, address, city, agent_code, price_list_code FROM customer"
                + " WHERE agent_code = '" + agent + "' ORDER BY code";
        assertThat(Sql.rows(stations.agent(agent), customers)).isEqualTo(Sql.rows(stations.hq(), customers)).isNotEmpty();
        for (String query : List.of(AGENT_VIEW.get(2), AGENT_VIEW.get(3), AGENT_VIEW.get(4))) {
            assertThat(Sql.rows(stations.agent(agent), query)).as(query).isEqualTo(Sql.rows(stations.hq(), query));
        }
    }

    private static Map<String, List<List<String>>> view(Database db, List<String> queries) {
        Map<String, List<List<String>>> view = new LinkedHashMap<>();
        queries.forEach(q -> view.put(q, Sql.rows(db, q)));
        return view;
    }

    private static List<String> journal(Database db, String event, String packageName) {
        return Sql.column(db, "SELECT outcome FROM journal WHERE event = '" + event + "' AND package_name = '"
                + packageName + "' ORDER BY id");
    }
}
