package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.db.catalog.Stock;
import io.sincro.db.customers.Customer;
import io.sincro.db.customers.Customers;
import io.sincro.db.testing.Sql;

/** Tombstones are forgotten once every station that reads them has acknowledged them, and the log says so. */
class HousekeepingTest {

    private static final String OWN_TOMBSTONES = "SELECT COUNT(*) FROM tombstone WHERE change_seq > 0";

    @RegisterExtension
    final Company company = Company.afterFirstSyncs("A01", "A02", "A03");

    @Test
    void aDeletionIsForgottenOnceEveryAgentHasAcknowledgedItAndNotBefore() {
        company.syncHeadOffice();
        company.advance(Duration.ofMinutes(5));
        company.hq.useTransaction(c -> new Stock().remove(c, "P00001", company.hqClock.instant()));
        assertThat(Sql.count(company.hq, OWN_TOMBSTONES)).isEqualTo(1);
        company.syncHeadOffice();
        company.sync("A01");
        company.sync("A02");

        company.syncHeadOffice();
        assertThat(Sql.count(company.hq, OWN_TOMBSTONES)).as("A03 has not acknowledged it yet").isEqualTo(1);

        company.sync("A03");
        SyncReport last = company.syncHeadOffice();

        assertThat(last.problems()).isEmpty();
        assertThat(Sql.count(company.hq, OWN_TOMBSTONES)).isZero();
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM journal WHERE event = 'REMOVED' AND detail LIKE"
                + " '1 deletion forgotten%'")).isEqualTo(1);
        for (String agent : new String[] {"A01", "A02", "A03"}) {
            assertThat(Sql.count(company.agent(agent), "SELECT COUNT(*) FROM stock WHERE product_code = 'P00001'"))
                    .isZero();
        }
    }

    @Test
    void aCustomerReassignedAwayIsForgottenOnceItsFormerAgentHasAcknowledgedIt() {
        company.syncHeadOffice();
        company.advance(Duration.ofMinutes(5));
        company.hq.useTransaction(c -> {
            Customer was = new Customers().find(c, "C00001").orElseThrow();
            new Customers().save(c, new Customer(was.code(), was.name(), was.vatNumber(), was.address(), was.city(),
                    was.email(), was.phone(), "A02", was.priceListCode(), was.origin(), was.createdAt()),
                    company.hqClock.instant());
        });
        String formerAgents = "SELECT COUNT(*) FROM tombstone WHERE scope = 'A01' AND change_seq > 0";
        assertThat(Sql.count(company.hq, formerAgents)).isEqualTo(1);
        company.syncHeadOffice();

        company.syncHeadOffice();
        assertThat(Sql.count(company.hq, formerAgents)).as("A01 has not acknowledged it yet").isEqualTo(1);
        company.sync("A01");
        company.syncHeadOffice();

        assertThat(Sql.count(company.hq, formerAgents)).isZero();
        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM customer WHERE code = 'C00001'")).isZero();
    }
}
