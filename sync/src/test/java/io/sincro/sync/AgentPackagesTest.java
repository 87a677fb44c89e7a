package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.db.catalog.PriceLists;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.Sql;
import io.sincro.format.PackageName;
import io.sincro.format.PackageStream;

/**
 * What an agent's sync sends when it made no change since its last package: its acknowledgement of
 * what it imported and not a row more, and the first change it makes after that in its next package.
 */
class AgentPackagesTest {

    private static final String WRITTEN = "SELECT sequence, row_count FROM exported_package"
            + " WHERE stream = 'A01_to_HQ' ORDER BY sequence";
    private static final String PRICE = "SELECT price FROM special_price WHERE customer_code = 'C00001'"
            + " AND product_code = '%s'";

    /** The sample company after the first syncs of the head office and A01. */
    @RegisterExtension
    final Company company = Company.afterFirstSyncs("A01");

    @Test
    void anAgentThatOnlyImportedSendsItsAcknowledgementAndNoRow() {
        company.hq.useTransaction(c -> new PriceLists().save(c, Rows.price("BASE", "P00001", "99.99"),
                company.hqClock.instant()));
        company.syncHeadOffice();
        List<List<String>> before = Sql.rows(company.agent("A01"), WRITTEN);

        SyncReport synced = company.sync("A01");
        company.syncHeadOffice();

        assertThat(synced.problems()).isEmpty();
        assertThat(synced.received()).extracting(SyncReport.Transfer::packageName)
                .containsExactly("HQ_catalog_000000002.sincro");
        List<List<String>> written = Sql.rows(company.agent("A01"), WRITTEN);
        assertThat(written).hasSize(before.size() + 1);
        List<String> acknowledgement = written.get(written.size() - 1);
        assertThat(acknowledgement.get(1)).as("rows of the acknowledgement").isEqualTo("0");
        assertThat(synced.sent()).extracting(SyncReport.Transfer::packageName).containsExactly(new PackageName(
                PackageStream.fromAgent("A01"), Long.parseLong(acknowledgement.get(0))).fileName());
        assertThat(Sql.column(company.hq, "SELECT sequence FROM acknowledgement WHERE stream = 'HQ_catalog'"
                + " AND station = 'A01'")).containsExactly("2");
    }

    @Test
    void aChangeMadeAfterTheAgentsLastPackageTravelsInItsNextOneAndNothingElseDoes() {
        company.work("A01").prices().setSpecialPrice("C00001", "P00081", new BigDecimal("30.00"), BigDecimal.ZERO);
        company.sync("A01");
        company.syncHeadOffice();
        SyncReport nothingNew = company.sync("A01");
        company.work("A01").prices().setSpecialPrice("C00001", "P00082", new BigDecimal("31.00"), BigDecimal.ZERO);

        SyncReport changed = company.sync("A01");
        company.syncHeadOffice();

        assertThat(nothingNew.sent()).isEmpty();
        assertThat(changed.sent()).singleElement().satisfies(t -> assertThat(t.detail()).startsWith("delta"));
        List<List<String>> written = Sql.rows(company.agent("A01"), WRITTEN);
        assertThat(written.get(written.size() - 1).get(1)).as("rows of the last package").isEqualTo("1");
        assertThat(Sql.column(company.hq, PRICE.formatted("P00081"))).containsExactly("30.0000");
        assertThat(Sql.column(company.hq, PRICE.formatted("P00082"))).containsExactly("31.0000");
    }
}
