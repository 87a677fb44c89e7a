package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.db.customers.Customers;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.Sql;

/** One agent's data that cannot be written into a package never keeps the other agents from being served. */
class OneAgentsBadDataTest {

    @RegisterExtension
    final Company company = Company.withAgents("A01", "A02");

    @Test
    void aPackageThatCannotBeWrittenForOneAgentFailsTheSyncNamingItAndTheOthersAreServed() {
        company.hq.useTransaction(c -> new Customers().insert(c, Rows.customer("C09999").named("Bad\u0001name")
                .assignedTo("A01").priceList("BASE").build()));

        SyncReport report = company.syncHeadOffice();

        assertThat(report.succeeded()).isFalse();
        assertThat(report.problems()).singleElement().asString().contains("agent A01");
        assertThat(company.packagesIn("SincroSede/A02")).containsExactly("HQ_to_A02_000000001.sincro");
        assertThat(company.packagesIn("SincroSede")).contains("HQ_catalog_000000001.sincro");
        assertThat(company.packagesIn("SincroSede/A01")).isEmpty();
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM journal WHERE event = 'PUBLISH' AND outcome = 'FAILED'"
                + " AND detail LIKE '%agent A01%'")).isEqualTo(1);
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM journal WHERE event = 'SYNC' AND outcome = 'FAILED'"
                + " AND detail LIKE '%the package for agent A01 could not be written%'")).isEqualTo(1);
        assertThat(company.sync("A02").problems()).isEmpty();
    }
}
