package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.agent.AgentStation;
import io.sincro.agent.customers.NewCustomer;
import io.sincro.agent.orders.NewLine;
import io.sincro.db.customers.Customer;
import io.sincro.db.orders.Order;
import io.sincro.db.prices.SpecialPrice;
import io.sincro.db.prices.SpecialPrices;
import io.sincro.db.testing.Sql;
import io.sincro.testing.SampleStations;

/**
 * A head office restored from a backup (its closed database folder copied, then copied back) after
 * several rounds of orders, new customers and special prices edited on both sides: its packages
 * carry a new epoch and numbers never used, the agent sends again what it lost, and in the end every
 * order is there exactly once and every price is the same on both sides.
 */
class RestoredHeadOfficeTest {

    private static final String SPECIAL_PRICES_OF_A01 = """
            SELECT p.customer_code, p.product_code, p.price, p.discount FROM special_price p
            JOIN customer c ON c.code = p.customer_code WHERE c.agent_code = 'A01' ORDER BY 1, 2""";
    private static final String ORDERS = "SELECT series, number FROM customer_order WHERE series = 'A01'"
            + " AND status <> 'DRAFT' ORDER BY number";
    private static final String CUSTOMERS_OF_A01 = "SELECT code, name FROM customer WHERE agent_code = 'A01'"
            + " ORDER BY code";

    @RegisterExtension
    final Company company = Company.afterFirstSyncs("A01");

    @Test
    void everyOrderArrivesOnceAndEveryPriceConvergesAfterTheRestore() {
        AgentStation a01 = company.work("A01");
        round(a01, 1);
        Path backup = company.backUpHeadOffice();
        List<Customer> created = new ArrayList<>();
        for (int round = 2; round <= 4; round++) {
            created.add(round(a01, round));
        }
        company.syncHeadOffice();

        company.restoreHeadOffice(backup);
        company.advance(Duration.ofMinutes(5));
        SyncReport restored = company.syncHeadOffice();
        SyncReport agentAfter = company.sync("A01");
        List<SyncReport> later = settle();

        assertThat(restored.warnings()).anySatisfy(w -> assertThat(w)
                .contains("this station's database is behind what it had reached at its last sync",
                        "restored from a backup", "every agent gets a full package"));
        assertThat(agentAfter.warnings()).anySatisfy(w -> assertThat(w)
                .contains("its database went back (restored from a backup)", "This sync sends it again"));
        assertThat(later).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        assertThat(Sql.rows(company.hq, ORDERS)).isEqualTo(Sql.rows(company.agent("A01"), ORDERS)).hasSize(4)
                .doesNotHaveDuplicates();
        assertThat(Sql.rows(company.hq, SPECIAL_PRICES_OF_A01))
                .isEqualTo(Sql.rows(company.agent("A01"), SPECIAL_PRICES_OF_A01));
        assertThat(Sql.rows(company.hq, CUSTOMERS_OF_A01)).isEqualTo(Sql.rows(company.agent("A01"), CUSTOMERS_OF_A01));
        assertThat(Sql.column(company.hq, "SELECT code FROM customer WHERE agent_code = 'A01'"))
                .containsAll(created.stream().map(Customer::code).toList());
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM journal WHERE event = 'RESTORED'")).isEqualTo(1);
        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM journal WHERE event = 'RESTORED'"))
                .isEqualTo(1);
    }

    @Test
    void aWholeStationFolderRestoredIsFoundByTheAgentsAcknowledgement() throws Exception {
        AgentStation a01 = company.work("A01");
        round(a01, 1);
        Path backup = company.backUpHeadOffice();
        Path record = company.root.resolve(SampleStations.HEAD_OFFICE).resolve("sync.state");
        byte[] recordThen = Files.readAllBytes(record);
        round(a01, 2);
        round(a01, 3);
        company.syncHeadOffice();

        company.restoreHeadOffice(backup);
        Files.write(record, recordThen);
        company.advance(Duration.ofMinutes(5));
        SyncReport unaware = company.syncHeadOffice();
        Order next = a01.orders().create("C00001", "after the restore");
        a01.orders().addLine(next.number(), NewLine.of("P00002", "1"));
        a01.orders().submit(next.number());
        company.sync("A01");
        SyncReport found = company.syncHeadOffice();
        List<SyncReport> later = settle();

        assertThat(unaware.warnings()).noneSatisfy(w -> assertThat(w).contains("restored"));
        assertThat(found.warnings()).anySatisfy(w -> assertThat(w).contains("agent A01 has imported package",
                "this station's database wrote only up to", "restored from a backup or made again"));
        assertThat(later).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        assertThat(Sql.rows(company.hq, ORDERS)).isEqualTo(Sql.rows(company.agent("A01"), ORDERS)).hasSize(4);
        assertThat(Sql.rows(company.hq, SPECIAL_PRICES_OF_A01))
                .isEqualTo(Sql.rows(company.agent("A01"), SPECIAL_PRICES_OF_A01));
        assertThat(Sql.rows(company.hq, CUSTOMERS_OF_A01)).isEqualTo(Sql.rows(company.agent("A01"), CUSTOMERS_OF_A01));
    }

    /**
     * One round: A01 makes a customer and an order for it and edits a special price, the head office
     * edits another later; A01, the head office and A01 sync.
     */
    private Customer round(AgentStation a01, int round) {
        company.advance(Duration.ofMinutes(10));
        Customer customer = a01.customers().create(new NewCustomer("Cliente " + round, vatNumber(round), "Via Roma " + round, "Bergamo", null, null, "BASE"));
        Order order = a01.orders().create(customer.code(), "round " + round);
        a01.orders().addLine(order.number(), NewLine.of("P00001", String.valueOf(round)));
        a01.orders().submit(order.number());
        a01.prices().setSpecialPrice("C00001", "P0000" + round, new BigDecimal("1" + round + ".50"), BigDecimal.ZERO);
        company.advance(Duration.ofMinutes(1));
        company.hq.useTransaction(c -> new SpecialPrices().save(c, new SpecialPrice("C00001", "P00081",
                new BigDecimal("3" + round + ".00"), BigDecimal.ZERO, company.hqClock.instant(), "HQ")));
        company.sync("A01");
        company.syncHeadOffice();
        company.sync("A01");
        return customer;
    }

    /** An Italian VAT number of 11 digits, its last the check digit, different for every round. */
    private static String vatNumber(int round) {
        String digits = "012345678" + round;
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            sum += i % 2 == 0 ? d : (d * 2 > 9 ? d * 2 - 9 : d * 2);
        }
        return digits + (10 - sum % 10) % 10;
    }

    /** Syncs both sides until nothing moves any more; returns the last round's reports. */
    private List<SyncReport> settle() {
        List<SyncReport> last = List.of();
        for (int i = 0; i < 4; i++) {
            company.advance(Duration.ofMinutes(1));
            last = List.of(company.syncHeadOffice(), company.sync("A01"));
        }
        return last;
    }
}
