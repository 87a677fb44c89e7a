package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.agent.AgentStation;
import io.sincro.agent.orders.NewLine;
import io.sincro.db.orders.Order;
import io.sincro.db.testing.Sql;

/**
 * An agent's order is SENT once the package carrying it is in the mailbox (OrderStatus), so
 * {@code sincro order status} stops saying it waits in the outbound queue; that local step does
 * not make it travel a second time.
 */
class SentOrdersTest {

    private static final String STATUSES = "SELECT series, number, status FROM customer_order ORDER BY number";

    /** The sample company after the first syncs of the head office and A01. */
    @RegisterExtension
    final Company company = Company.afterFirstSyncs("A01");

    @Test
    void aSubmittedOrderIsSentOnceItsPackageIsUploadedAndADraftStaysADraft() {
        AgentStation a01 = company.work("A01");
        Order submitted = a01.orders().create("C00001", null);
        a01.orders().addLine(submitted.number(), NewLine.of("P00001", "2"));
        a01.orders().submit(submitted.number());
        Order draft = a01.orders().create("C00002", null);

        SyncReport sent = company.sync("A01");

        assertThat(sent.problems()).isEmpty();
        assertThat(Sql.rows(company.agent("A01"), STATUSES)).containsExactly(
                List.of("A01", String.valueOf(submitted.number().number()), "SENT"),
                List.of("A01", String.valueOf(draft.number().number()), "DRAFT"));
    }

    @Test
    void becomingSentDoesNotMakeAnOrderTravelAgain() {
        AgentStation a01 = company.work("A01");
        Order order = a01.orders().create("C00001", null);
        a01.orders().addLine(order.number(), NewLine.of("P00001", "2"));
        a01.orders().submit(order.number());
        company.sync("A01");
        SyncReport received = company.syncHeadOffice();

        SyncReport again = company.sync("A01");
        SyncReport hqAgain = company.syncHeadOffice();

        assertThat(received.received()).extracting(SyncReport.Transfer::detail).anyMatch(d -> d.contains("orders 1 new"));
        assertThat(again.problems()).isEmpty();
        assertThat(hqAgain.received()).allSatisfy(t -> assertThat(t.detail()).doesNotContain("orders"));
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM customer_order")).isEqualTo(1);
    }
}
