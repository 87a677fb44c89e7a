package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.agent.AgentStation;
import io.sincro.agent.customers.NewCustomer;
import io.sincro.agent.orders.NewLine;
import io.sincro.db.Origin;
import io.sincro.db.customers.Customer;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderLine;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.orders.Orders;
import io.sincro.db.prices.SpecialPrice;
import io.sincro.db.prices.SpecialPrices;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.Sql;
import io.sincro.office.orders.StatusReports;

/** The whole cycle for two agents, checked row by row in every database. */
class TwoAgentCycleTest {

    private static final String CUSTOMERS_OF = "SELECT code, name, agent_code FROM customer WHERE agent_code = '%s' ORDER BY code";
    private static final String SPECIAL_PRICES_OF = """
            SELECT p.customer_code, p.product_code, p.price, p.discount FROM special_price p
            JOIN customer c ON c.code = p.customer_code WHERE c.agent_code = '%s' ORDER BY 1, 2""";

    /** The sample company after the first syncs of the head office, A01 and A02. */
    @RegisterExtension
    final Company company = Company.afterFirstSyncs("A01", "A02");

    @Test
    void agentOrdersAndCustomersReachTheHeadOfficeExactlyOnceUnderTheAgentsOwnNumbers() {
        AgentStation a01 = company.work("A01");
        Customer created = a01.customers().create(new NewCustomer("Ferramenta Nuova", "01234567897", "Via Roma 1",
                "Bergamo", null, null, "BASE"));
        Order order = a01.orders().create(created.code(), "first order");
        a01.orders().addLine(order.number(), NewLine.of("P00001", "10"));
        a01.orders().submit(order.number());

        SyncReport sent = company.sync("A01");
        SyncReport received = company.syncHeadOffice();

        assertThat(sent.sent()).singleElement();
        assertThat(received.received()).extracting(SyncReport.Transfer::packageName)
                .contains(sent.sent().get(0).packageName());
        assertThat(Sql.rows(company.hq, "SELECT series, number, customer_code, agent_code FROM customer_order"))
                .containsExactly(List.of("A01", String.valueOf(order.number().number()), created.code(), "A01"));
        assertThat(Sql.column(company.hq, "SELECT code FROM customer WHERE code = '" + created.code() + "'"))
                .containsExactly(created.code());
        assertThat(company.packagesIn("SincroAg/A01")).isEmpty();

        company.sync("A01");
        company.syncHeadOffice();
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM customer_order")).isEqualTo(1);
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM order_line")).isEqualTo(1);
    }

    @Test
    void anAgentNeverReceivesAnotherAgentsCustomersOrSpecialPrices() {
        Customer ofA02 = company.work("A02").customers().create(new NewCustomer("Edilizia Sud", "12345678903",
                "Via Napoli 2", "Salerno", null, null, "BASE"));
        company.work("A02").prices().setSpecialPrice("C00023", "P00002", new BigDecimal("9.50"), BigDecimal.ZERO);
        company.sync("A02");
        company.syncHeadOffice();
        company.sync("A01");

        assertThat(Sql.rows(company.agent("A01"), "SELECT code, name, agent_code FROM customer ORDER BY code"))
                .isEqualTo(Sql.rows(company.hq, CUSTOMERS_OF.formatted("A01")));
        assertThat(Sql.rows(company.agent("A01"), "SELECT customer_code, product_code, price, discount FROM special_price ORDER BY 1, 2"))
                .isEqualTo(Sql.rows(company.hq, SPECIAL_PRICES_OF.formatted("A01")));
        assertThat(Sql.column(company.agent("A01"), "SELECT code FROM customer")).doesNotContain(ofA02.code(), "C00023");
        assertThat(Sql.column(company.hq, "SELECT code FROM customer WHERE agent_code = 'A02'")).contains(ofA02.code());
    }

    @Test
    void ordersTheHeadOfficeEnteredForAnAgentNeverReachIt() {
        OrderNumber entered = new OrderNumber("HQ", 1);
        company.hq.useTransaction(c -> new Orders().insert(c, new Order(entered, "A01", "C00001", Origin.HEAD_OFFICE,
                OrderStatus.ACCEPTED, LocalDate.of(2026, 3, 2), null, "phoned in", Rows.T0),
                List.of(new OrderLine(1, "P00001", BigDecimal.ONE, new BigDecimal("3.00"), BigDecimal.ZERO))));

        company.syncHeadOffice();
        company.sync("A01");

        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM customer_order")).isZero();
    }

    @Test
    void theStatusOfAnAgentsOrderGoesBackToIt() {
        AgentStation a01 = company.work("A01");
        Order order = a01.orders().create("C00001", null);
        a01.orders().addLine(order.number(), NewLine.of("P00001", "2"));
        a01.orders().submit(order.number());
        company.sync("A01");
        company.syncHeadOffice();

        new StatusReports(company.hq).report(order.number(), "rejected", "customer over credit limit", null);
        company.syncHeadOffice();
        company.sync("A01");

        assertThat(Sql.rows(company.agent("A01"), "SELECT status, status_reason FROM customer_order"))
                .containsExactly(List.of("REJECTED", "customer over credit limit"));
    }

    @Test
    void aSpecialPriceEditedOnBothSidesEndsWithTheLaterEditEverywhere() {
        company.work("A01").prices().setSpecialPrice("C00001", "P00081", new BigDecimal("30.00"), BigDecimal.ZERO);
        company.advance(Duration.ofMinutes(10));
        company.hq.useTransaction(c -> new SpecialPrices().save(c, new SpecialPrice("C00001", "P00081",
                new BigDecimal("31.00"), BigDecimal.ZERO, company.hqClock.instant(), "HQ")));

        company.sync("A01");
        company.syncHeadOffice();
        company.sync("A01");

        String price = "SELECT price FROM special_price WHERE customer_code = 'C00001' AND product_code = 'P00081'";
        assertThat(Sql.column(company.hq, price)).containsExactly("31.0000");
        assertThat(Sql.column(company.agent("A01"), price)).containsExactly("31.0000");
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM price_conflict")).isEqualTo(1);
    }

    @Test
    void aSecondSyncChangesNothing() {
        company.work("A01").prices().setSpecialPrice("C00001", "P00081", new BigDecimal("30.00"), BigDecimal.ZERO);
        company.sync("A01");
        company.syncHeadOffice();
        company.sync("A01");
        List<List<String>> hq = Sql.rows(company.hq, SPECIAL_PRICES_OF.formatted("A01"));
        List<List<String>> agent = Sql.rows(company.agent("A01"), "SELECT customer_code, product_code, price, discount FROM special_price ORDER BY 1, 2");

        SyncReport again = company.sync("A01");
        SyncReport hqAgain = company.syncHeadOffice();
        SyncReport agentAgain = company.sync("A01");

        assertThat(again.sent()).isEmpty();
        assertThat(again.received()).isEmpty();
        assertThat(hqAgain.received()).isEmpty();
        assertThat(agentAgain.received()).isEmpty();
        assertThat(Sql.rows(company.hq, SPECIAL_PRICES_OF.formatted("A01"))).isEqualTo(hq);
        assertThat(Sql.rows(company.agent("A01"), "SELECT customer_code, product_code, price, discount FROM special_price ORDER BY 1, 2")).isEqualTo(agent);
    }

    @Test
    void aSyncWithNothingNewWritesNoPackageAtAll() {
        company.sync("A01");
        company.syncHeadOffice();
        company.sync("A01");
        long agentWrote = Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM exported_package");
        long headOfficeWrote = Sql.count(company.hq, "SELECT COUNT(*) FROM exported_package");

        company.sync("A01");
        company.syncHeadOffice();

        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM exported_package")).isEqualTo(agentWrote);
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM exported_package")).isEqualTo(headOfficeWrote);
        assertThat(company.folder("A01").resolve("outbox")).isEmptyDirectory();
    }

    @Test
    void onePriceChangedAfterTheSnapshotTravelsAsAPackageHoldingThatOneRow() {
        company.hq.useTransaction(c -> new io.sincro.db.catalog.PriceLists().save(c,
                Rows.price("BASE", "P00001", "99.99"), company.hqClock.instant()));

        SyncReport published = company.syncHeadOffice();
        SyncReport received = company.sync("A01");

        assertThat(published.sent()).extracting(SyncReport.Transfer::packageName)
                .containsExactly("HQ_catalog_000000002.sincro");
        assertThat(received.received()).singleElement().satisfies(t -> {
            assertThat(t.packageName()).isEqualTo("HQ_catalog_000000002.sincro");
            assertThat(t.rows()).isEqualTo(1);
        });
        assertThat(Sql.column(company.agent("A01"),
                "SELECT price FROM price_list_row WHERE price_list_code = 'BASE' AND product_code = 'P00001'"))
                .containsExactly("99.9900");
    }
}
