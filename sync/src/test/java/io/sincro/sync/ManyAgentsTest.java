package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.agent.AgentStation;
import io.sincro.agent.orders.NewLine;
import io.sincro.db.agents.Agent;
import io.sincro.db.agents.Agents;
import io.sincro.db.catalog.Stock;
import io.sincro.db.changes.ChangeSource;
import io.sincro.db.customers.Customer;
import io.sincro.db.customers.Customers;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.prices.SpecialPrice;
import io.sincro.db.prices.SpecialPrices;
import io.sincro.db.testing.Sql;

/**
 * A head office with many agents, most of them with nothing new, decides for all of them at once
 * which need anything done ({@link Publisher#mayWriteToAgents}, the housekeeping after it): the few
 * that do are still served exactly as if each agent were looked at on its own, and what waits for
 * agents that never sync (on holiday) waits for them.
 */
class ManyAgentsTest {

    private static final List<String> ON_HOLIDAY = List.of("B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08",
            "B09", "B10", "B11", "B12");
    private static final String OWN_TOMBSTONES = "SELECT COUNT(*) FROM tombstone WHERE change_seq > 0";

    @RegisterExtension
    final Company company = Company.afterFirstSyncs("A01", "A02", "A03");

    /** Agents known at the head office, published for once, whose stations never sync. */
    @BeforeEach
    void agentsOnHoliday() {
        company.hq.useTransaction(c -> {
            for (String code : ON_HOLIDAY) {
                new Agents().save(c, new Agent(code, "Agent " + code, null), company.hqClock.instant());
            }
        });
        assertThat(company.syncHeadOffice().sent()).hasSize(ON_HOLIDAY.size());
        company.advance(Duration.ofMinutes(5));
    }

    @Test
    void aSyncWithNothingNewSendsNothingToAnyAgent() {
        SyncReport idle = company.syncHeadOffice();

        assertThat(idle.problems()).isEmpty();
        assertThat(idle.sent()).isEmpty();
    }

    @Test
    void aChangedSpecialPriceGoesToItsAgentAloneAmongManyWithNothingNew() {
        List<String> price = specialPriceOf("A02");
        String customer = price.get(0);
        String product = price.get(1);
        company.hq.useTransaction(c -> new SpecialPrices().save(c, new SpecialPrice(customer, product,
                new BigDecimal("7.25"), BigDecimal.ZERO, company.hqClock.instant(), "HQ")));

        SyncReport published = company.syncHeadOffice();
        SyncReport received = company.sync("A02");

        assertThat(published.sent()).extracting(SyncReport.Transfer::packageName)
                .singleElement().asString().startsWith("HQ_to_A02_");
        assertThat(received.problems()).isEmpty();
        assertThat(Sql.column(company.agent("A02"), "SELECT price FROM special_price WHERE customer_code = '"
                + customer + "' AND product_code = '" + product + "'")).containsExactly("7.2500");
    }

    @Test
    void aChangedCustomerReachesItsAgentAloneAmongManyWithNothingNew() {
        Customer before = customerOf("A01");
        company.hq.useTransaction(c -> new Customers().save(c, reassigned(before, before.agentCode(), "Ferramenta Nuova"),
                company.hqClock.instant()));

        SyncReport published = company.syncHeadOffice();
        company.sync("A01");

        assertThat(published.sent()).extracting(SyncReport.Transfer::packageName)
                .singleElement().asString().startsWith("HQ_to_A01_");
        // an existing customer's master data is not overwritten at the agent: the difference is reported
        assertThat(Sql.column(company.agent("A01"), "SELECT arrived_value FROM customer_difference WHERE customer_code"
                + " = '" + before.code() + "' AND field = 'name'")).containsExactly("Ferramenta Nuova");
    }

    @Test
    void aCustomerReassignedGoesToItsNewAgentAndLeavesItsFormerOneAmongManyWithNothingNew() {
        Customer before = customerOf("A01");
        company.hq.useTransaction(c -> new Customers().save(c, reassigned(before, "A02", before.name()),
                company.hqClock.instant()));

        SyncReport published = company.syncHeadOffice();
        company.sync("A01");
        company.sync("A02");

        assertThat(published.sent()).extracting(SyncReport.Transfer::packageName)
                .allSatisfy(name -> assertThat(name).matches("HQ_to_A0[12]_.*")).hasSize(2);
        assertThat(Sql.column(company.agent("A02"), "SELECT agent_code FROM customer WHERE code = '" + before.code()
                + "'")).containsExactly("A02");
        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM special_price WHERE customer_code = '"
                + before.code() + "'")).isZero();
    }

    @Test
    void aRemovedSpecialPriceLeavesItsAgentAloneAmongManyWithNothingNew() {
        List<String> price = specialPriceOf("A03");
        String customer = price.get(0);
        String product = price.get(1);
        company.hq.useTransaction(c -> new SpecialPrices().remove(c, customer, product, company.hqClock.instant(), "HQ",
                ChangeSource.LOCAL));

        SyncReport published = company.syncHeadOffice();
        company.sync("A03");

        assertThat(published.sent()).extracting(SyncReport.Transfer::packageName)
                .singleElement().asString().startsWith("HQ_to_A03_");
        assertThat(Sql.count(company.agent("A03"), "SELECT COUNT(*) FROM special_price WHERE customer_code = '"
                + customer + "' AND product_code = '" + product + "'")).isZero();
    }

    @Test
    void anAgentsOrderIsAnsweredToThatAgentAloneAmongManyWithNothingNew() {
        AgentStation a03 = company.work("A03");
        String customer = Sql.column(company.agent("A03"), "SELECT MIN(code) FROM customer").get(0);
        OrderNumber own = a03.orders().create(customer, null).number();
        a03.orders().addLine(own, NewLine.of("P00001", "2"));
        a03.orders().submit(own);
        company.sync("A03");

        SyncReport answered = company.syncHeadOffice();

        assertThat(answered.received()).hasSize(1);
        assertThat(answered.sent()).extracting(SyncReport.Transfer::packageName)
                .singleElement().asString().startsWith("HQ_to_A03_");
    }

    @Test
    void anAgentPreparedAgainAmongManyWithNothingNewGetsAFullPackage() {
        company.prepareAgain("A01");

        SyncReport published = company.syncHeadOffice();

        assertThat(published.sent()).singleElement().satisfies(sent -> {
            assertThat(sent.packageName()).startsWith("HQ_to_A01_");
            assertThat(sent.detail()).startsWith("full");
        });
    }

    @Test
    void aCatalogDeletionIsNotForgottenWhileAnAgentThatNeverSyncedHasNotAcknowledgedIt() {
        company.hq.useTransaction(c -> new Stock().remove(c, "P00001", company.hqClock.instant()));
        company.syncHeadOffice();
        for (String agent : List.of("A01", "A02", "A03")) {
            company.sync(agent);
        }

        SyncReport after = company.syncHeadOffice();

        assertThat(after.problems()).isEmpty();
        assertThat(Sql.count(company.hq, OWN_TOMBSTONES)).as("agents B01 to B12 have not acknowledged it")
                .isEqualTo(1);
        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM stock WHERE product_code = 'P00001'"))
                .isZero();
    }

    @Test
    void anAgentsOwnDeletionIsForgottenOnceThatAgentAcknowledgedItWhateverTheOthers() {
        company.hq.useTransaction(c -> {
            Customer was = new Customers().find(c, "C00001").orElseThrow();
            new Customers().save(c, new Customer(was.code(), was.name(), was.vatNumber(), was.address(), was.city(),
                    was.email(), was.phone(), "A02", was.priceListCode(), was.origin(), was.createdAt()),
                    company.hqClock.instant());
        });
        String formerAgents = "SELECT COUNT(*) FROM tombstone WHERE scope = 'A01' AND change_seq > 0";
        company.syncHeadOffice();
        company.syncHeadOffice();
        assertThat(Sql.count(company.hq, formerAgents)).as("A01 has not acknowledged it yet").isEqualTo(1);

        company.sync("A01");
        company.syncHeadOffice();

        assertThat(Sql.count(company.hq, formerAgents)).isZero();
    }

    @Test
    void anAgentAskingForItsDataInFullAmongManyWithNothingNewGetsIt() {
        company.askFull("A02");
        company.sync("A02");

        SyncReport answered = company.syncHeadOffice();
        SyncReport received = company.sync("A02");

        assertThat(answered.problems()).isEmpty();
        assertThat(answered.sent()).extracting(SyncReport.Transfer::packageName)
                .allMatch(name -> name.startsWith("HQ_to_A02_") || name.startsWith("HQ_catalog_"))
                .anyMatch(name -> name.startsWith("HQ_to_A02_"));
        assertThat(received.problems()).isEmpty();
        assertThat(received.received()).extracting(SyncReport.Transfer::detail).isNotEmpty()
                .allMatch(d -> d.startsWith("full"));
    }

    @Test
    void anAgentWhoseClockIsAheadIsToldAmongManyWithNothingElseNew() {
        company.hq.useTransaction(c -> new Stock().remove(c, "P00001", company.hqClock.instant()));
        company.syncHeadOffice();
        company.clock("A01").advance(Duration.ofMinutes(40));
        SyncReport acknowledged = company.sync("A01");

        SyncReport seen = company.syncHeadOffice();
        SyncReport told = company.sync("A01");

        assertThat(acknowledged.sent()).hasSize(1);
        assertThat(Sql.column(company.agent("A01"), "SELECT row_count FROM exported_package WHERE stream = 'A01_to_HQ'"
                + " ORDER BY sequence DESC FETCH FIRST ROW ONLY")).as("A01's package only acknowledges")
                .containsExactly("0");
        assertThat(seen.sent()).as("nothing but the clock's news for A01").extracting(SyncReport.Transfer::packageName)
                .singleElement().asString().startsWith("HQ_to_A01_");
        assertThat(told.warnings()).anyMatch(w -> w.startsWith("the head office saw this computer's clock at least")
                && w.contains("minutes ahead of its own"));
    }

    @Test
    void anAgentTooFarBehindAmongManyGetsOneFullPackageAndThenNothingWhileItIsAway() {
        company.with(new SyncOptions(Duration.ofHours(1), 3, Duration.ofMinutes(5), 50));
        String customer = Sql.column(company.agent("A02"), "SELECT MIN(code) FROM customer").get(0);
        for (int i = 1; i <= 3; i++) {
            BigDecimal price = new BigDecimal("7.2" + i);
            company.hq.useTransaction(c -> new SpecialPrices().save(c, new SpecialPrice(customer, "P00001", price,
                    BigDecimal.ZERO, company.hqClock.instant(), "HQ")));
            assertThat(company.syncHeadOffice().sent()).extracting(SyncReport.Transfer::detail)
                    .singleElement().asString().startsWith("delta");
        }

        SyncReport behind = company.syncHeadOffice();
        SyncReport idle = company.syncHeadOffice();
        SyncReport back = company.sync("A02");

        assertThat(behind.sent()).singleElement().satisfies(sent -> {
            assertThat(sent.packageName()).startsWith("HQ_to_A02_");
            assertThat(sent.detail()).startsWith("full");
        });
        assertThat(idle.sent()).as("the full package waits for the agent; nothing new to add").isEmpty();
        assertThat(back.problems()).isEmpty();
        assertThat(Sql.column(company.agent("A02"), "SELECT price FROM special_price WHERE customer_code = '"
                + customer + "' AND product_code = 'P00001'")).containsExactly("7.2300");
    }

    /** The first customer (in code order) the head office assigns to {@code agent}, that has a special price. */
    private Customer customerOf(String agent) {
        String code = Sql.column(company.hq, "SELECT MIN(cu.code) FROM customer cu JOIN special_price sp"
                + " ON sp.customer_code = cu.code WHERE cu.agent_code = '" + agent + "'").get(0);
        return company.hq.inTransaction(c -> new Customers().find(c, code)).orElseThrow();
    }

    private static Customer reassigned(Customer customer, String agent, String name) {
        return new Customer(customer.code(), name, customer.vatNumber(), customer.address(), customer.city(),
                customer.email(), customer.phone(), agent, customer.priceListCode(), customer.origin(),
                customer.createdAt());
    }

    /** The customer and product of the first special price (in key order) of one of {@code agent}'s customers. */
    private List<String> specialPriceOf(String agent) {
        return Sql.rows(company.hq, "SELECT sp.customer_code, sp.product_code FROM special_price sp JOIN customer cu"
                + " ON cu.code = sp.customer_code WHERE cu.agent_code = '" + agent + "'"
                + " ORDER BY sp.customer_code, sp.product_code FETCH FIRST ROW ONLY").get(0);
    }
}
