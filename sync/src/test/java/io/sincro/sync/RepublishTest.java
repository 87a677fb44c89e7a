package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.db.orders.Order;
import io.sincro.db.testing.Sql;

/** sincro hq republish: the next sync sends a full package, which the agents import as any other. */
class RepublishTest {

    private static final String A01_CUSTOMERS = "SELECT code, name, price_list_code FROM customer WHERE agent_code = 'A01'"
            + " ORDER BY code";
    private static final String PRICES = "SELECT price_list_code, product_code, price FROM price_list_row ORDER BY 1, 2";

    @RegisterExtension
    final Company company = Company.afterFirstSyncs("A01");

    @Test
    void anAgentRepublishedGetsAFullPackageAndKeepsItsDrafts() {
        company.syncHeadOffice();
        Order draft = company.work("A01").orders().create("C00001", null);

        String said = new Republishing(company.hq, company.hqClock).agent("A01");
        SyncReport published = company.syncHeadOffice();
        SyncReport received = company.sync("A01");

        assertThat(said).contains("agent A01's data will be sent in full by the next sync");
        assertThat(published.problems()).isEmpty();
        assertThat(published.sent()).extracting(SyncReport.Transfer::packageName).contains("HQ_to_A01_000000002.sincro");
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM exported_package WHERE stream = 'HQ_to_A01' AND"
                + " sequence = 2 AND kind = 'FULL'")).isEqualTo(1);
        assertThat(received.problems()).isEmpty();
        assertThat(received.received()).extracting(SyncReport.Transfer::packageName).contains("HQ_to_A01_000000002.sincro");
        assertThat(Sql.rows(company.agent("A01"), A01_CUSTOMERS)).isEqualTo(Sql.rows(company.hq, A01_CUSTOMERS));
        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM customer_order WHERE number = "
                + draft.number().number() + " AND status = 'DRAFT'")).isEqualTo(1);
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM journal WHERE event = 'REPUBLISH'")).isEqualTo(1);

        SyncReport next = company.syncHeadOffice();
        assertThat(next.sent()).extracting(SyncReport.Transfer::packageName).doesNotContain("HQ_to_A01_000000003.sincro");
    }

    @Test
    void theCatalogRepublishedIsOneFullPackageForEveryAgent() {
        company.syncHeadOffice();

        new Republishing(company.hq, company.hqClock).catalog();
        SyncReport published = company.syncHeadOffice();
        SyncReport received = company.sync("A01");

        assertThat(published.problems()).isEmpty();
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM exported_package WHERE stream = 'HQ_catalog' AND"
                + " kind = 'FULL'")).isEqualTo(2);
        assertThat(company.packagesIn("SincroSede")).containsExactly("HQ_catalog_000000002.sincro");
        assertThat(received.problems()).isEmpty();
        assertThat(Sql.rows(company.agent("A01"), PRICES)).isEqualTo(Sql.rows(company.hq, PRICES));
    }

    @Test
    void anUnknownAgentIsRefusedNamingIt() {
        assertThatThrownBy(() -> new Republishing(company.hq, company.hqClock).agent("A09"))
                .hasMessage("agent A09 is not in the company database; sincro hq agents lists the agents");
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM snapshot_request")).isZero();
    }
}
