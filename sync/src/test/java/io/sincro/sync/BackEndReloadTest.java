package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.db.Database;
import io.sincro.db.testing.Sql;
import io.sincro.office.imports.CsvImport;
import io.sincro.office.imports.ImportKind;
import io.sincro.office.imports.ImportSummary;
import io.sincro.rules.conflicts.PriceConflict;
import io.sincro.rules.conflicts.PriceConflicts;
import io.sincro.testing.SampleCompany;

/**
 * The back-end's special-prices.csv loaded again at the head office, as it is every day, while
 * agent A01 has edited one of its customers' prices: only what the back-end changed is changed.
 */
class BackEndReloadTest {

    private static final String PRICE = """
            SELECT price, updated_by FROM special_price WHERE customer_code = 'C00001' AND product_code = 'P00049'""";

    @RegisterExtension
    final Company company = Company.afterFirstSyncs("A01");

    private void agentEditsThePrice() {
        company.advance(Duration.ofHours(1));
        company.work("A01").prices().setSpecialPrice("C00001", "P00049", new BigDecimal("35.00"), BigDecimal.ZERO);
        company.sync("A01");
        company.syncHeadOffice();
        company.advance(Duration.ofHours(1));
    }

    private ImportSummary reload(Path file) {
        return new CsvImport(company.hq).load(ImportKind.SPECIAL_PRICES, file);
    }

    /** The sample's special-prices.csv with the line of C00001/P00049 given another price. */
    private Path changedFile(String price) {
        try {
            List<String> lines = Files.readAllLines(SampleCompany.csv(ImportKind.SPECIAL_PRICES)).stream()
                    .map(l -> l.startsWith("C00001,P00049,") ? "C00001,P00049," + price + ",0" : l)
                    .toList();
            Path file = company.root.resolve("special-prices.csv");
            Files.write(file, lines);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<PriceConflict> conflictsAt(Database station) {
        return station.inTransaction(c -> new PriceConflicts().conflicts(c));
    }

    @Test
    void reloadingAnUnchangedFileKeepsTheAgentsNewerEditOnBothSides() {
        agentEditsThePrice();

        ImportSummary summary = reload(SampleCompany.csv(ImportKind.SPECIAL_PRICES));
        company.syncHeadOffice();
        company.sync("A01");

        assertThat(summary.updated()).isZero();
        assertThat(summary.conflicts()).isZero();
        assertThat(Sql.rows(company.hq, PRICE)).containsExactly(List.of("35.0000", "A01"));
        assertThat(Sql.rows(company.agent("A01"), PRICE)).containsExactly(List.of("35.0000", "A01"));
        assertThat(conflictsAt(company.hq)).isEmpty();
        assertThat(conflictsAt(company.agent("A01"))).isEmpty();
    }

    @Test
    void aPriceTheBackEndReallyChangedWinsAndBothSidesKeepTheAgentsEditAsAConflict() {
        agentEditsThePrice();

        ImportSummary summary = reload(changedFile("40.00"));
        company.syncHeadOffice();
        company.sync("A01");

        assertThat(summary.updated()).isEqualTo(1);
        assertThat(summary.conflicts()).isEqualTo(1);
        assertThat(summary.toString()).contains("replaced 1 agent's edit, kept as a conflict");
        assertThat(Sql.rows(company.hq, PRICE)).containsExactly(List.of("40.0000", "HQ"));
        assertThat(Sql.rows(company.agent("A01"), PRICE)).containsExactly(List.of("40.0000", "HQ"));
        assertThat(conflictsAt(company.hq)).singleElement().satisfies(conflict -> {
            assertThat(conflict.lost().price()).isEqualByComparingTo("35.00");
            assertThat(conflict.lost().updatedBy()).isEqualTo("A01");
            assertThat(conflict.kept().price()).isEqualByComparingTo("40.00");
            assertThat(conflict.packageName()).isEqualTo("special-prices.csv");
        });
        assertThat(conflictsAt(company.agent("A01"))).singleElement().satisfies(conflict -> {
            assertThat(conflict.lost().price()).isEqualByComparingTo("35.00");
            assertThat(conflict.lost().updatedBy()).isEqualTo("A01");
            assertThat(conflict.kept().updatedBy()).isEqualTo("HQ");
        });
    }

    @Test
    void aPriceTheAgentDidNotEditFollowsTheBackEndWithoutAConflict() {
        ImportSummary summary = reload(changedFile("41.00"));
        company.syncHeadOffice();
        company.sync("A01");

        assertThat(summary.updated()).isEqualTo(1);
        assertThat(Sql.rows(company.agent("A01"), PRICE)).containsExactly(List.of("41.0000", "HQ"));
        assertThat(conflictsAt(company.hq)).isEmpty();
        assertThat(conflictsAt(company.agent("A01"))).isEmpty();
    }
}
