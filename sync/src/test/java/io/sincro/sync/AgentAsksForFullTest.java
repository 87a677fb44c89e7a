package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.agent.customers.NewCustomer;
import io.sincro.db.customers.Customer;
import io.sincro.db.orders.Order;
import io.sincro.db.testing.Sql;

/**
 * sincro sync --full: the agent's request travels in its next package, the head office's next sync
 * answers with full packages, and the agent takes its data afresh without losing what it made.
 */
class AgentAsksForFullTest {

    private static final String PRICES = "SELECT price_list_code, product_code, price FROM price_list_row ORDER BY 1, 2";
    private static final String STOCK = "SELECT product_code, quantity FROM stock ORDER BY 1";
    private static final String FULL_PACKAGES = "SELECT COUNT(*) FROM exported_package WHERE kind = 'FULL'";

    @RegisterExtension
    final Company company = Company.afterFirstSyncs("A01");

    @Test
    void anAgentAskingForItsDataInFullGetsItAfreshAndKeepsWhatItMade() {
        // the station's copy went wrong (a row lost, a figure changed), and the agent has work of its own
        Sql.execute(company.agent("A01"), "DELETE FROM price_list_row WHERE product_code = 'P00002'");
        Sql.execute(company.agent("A01"), "UPDATE stock SET quantity = 1 WHERE product_code = 'P00001'");
        Order draft = company.work("A01").orders().create("C00001", null);
        Customer created = company.work("A01").customers().create(new NewCustomer("Ferramenta Nuova", "01234567897",
                "Via Roma 1", "Torino", null, null, "BASE"));
        long fullsBefore = Sql.count(company.hq, FULL_PACKAGES);

        String said = company.askFull("A01");
        SyncReport asked = company.sync("A01");
        SyncReport answered = company.syncHeadOffice();
        // an edit made while the answer waits in the mailbox: its package carries the request again
        company.advance(Duration.ofMinutes(1));
        company.work("A01").prices().setSpecialPrice("C00001", "P00081", new BigDecimal("30.00"), BigDecimal.ZERO);
        SyncReport received = company.sync("A01");
        SyncReport after = company.syncHeadOffice();

        assertThat(said).contains("asked the head office for the catalog and agent A01's data in full");
        assertThat(asked.problems()).isEmpty();
        assertThat(asked.sent()).isNotEmpty();
        assertThat(answered.problems()).isEmpty();
        assertThat(Sql.count(company.hq, FULL_PACKAGES)).isEqualTo(fullsBefore + 2);
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM journal WHERE event = 'REPUBLISH' AND detail LIKE"
                + " 'agent A01 asked for HQ_catalog and HQ_to_A01 in full%'")).isEqualTo(1);
        assertThat(received.problems()).isEmpty();
        assertThat(received.received()).extracting(SyncReport.Transfer::detail).allMatch(d -> d.startsWith("full"));
        assertThat(Sql.rows(company.agent("A01"), PRICES)).isEqualTo(Sql.rows(company.hq, PRICES));
        assertThat(Sql.rows(company.agent("A01"), STOCK)).isEqualTo(Sql.rows(company.hq, STOCK));
        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM customer_order WHERE number = "
                + draft.number().number() + " AND status = 'DRAFT'")).isEqualTo(1);
        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM customer WHERE code = '" + created.code()
                + "'")).isEqualTo(1);
        String price = "SELECT price FROM special_price WHERE customer_code = 'C00001' AND product_code = 'P00081'";
        assertThat(Sql.column(company.agent("A01"), price)).containsExactly("30.0000");
        assertThat(Sql.column(company.hq, price)).containsExactly("30.0000");
        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM snapshot_request")).isZero();
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM snapshot_request")).isZero();
        // the request carried again was answered already: nothing more in full
        assertThat(after.problems()).isEmpty();
        assertThat(Sql.count(company.hq, FULL_PACKAGES)).isEqualTo(fullsBefore + 2);
    }

    @Test
    void anAgentWithNothingToSendStillSendsItsRequest() {
        company.askFull("A01");
        SyncReport asked = company.sync("A01");

        assertThat(asked.problems()).isEmpty();
        assertThat(asked.sent()).extracting(SyncReport.Transfer::packageName).containsExactly("A01_to_HQ_000000002.sincro");
        assertThat(company.syncHeadOffice().sent()).extracting(SyncReport.Transfer::packageName)
                .contains("HQ_catalog_000000002.sincro", "HQ_to_A01_000000002.sincro");
    }

    @Test
    void theHeadOfficeIsToldToRepublishInstead() {
        try (var box = company.mailbox(company.hqClock)) {
            StationSync hq = new StationSync(company.hq, box, company.root.resolve("hq"), company.hqClock);
            assertThatThrownBy(hq::askFull).hasMessageStartingWith("sync --full is for an agent station")
                    .hasMessageContaining("sincro hq republish AGENT");
        }
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM snapshot_request")).isZero();
    }
}
