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
import io.sincro.agent.orders.NewLine;
import io.sincro.db.orders.Order;
import io.sincro.db.prices.SpecialPrice;
import io.sincro.db.prices.SpecialPrices;
import io.sincro.db.testing.Sql;
import io.sincro.format.PackageStream;
import io.sincro.sync.ledger.ExportedPackages;
import io.sincro.sync.ledger.ImportedPackages;

/**
 * An agent station restored from a backup (its closed database folder copied, then copied back)
 * after several rounds of orders and special prices edited on both sides: it asks the head office
 * for its data in full, the head office sends it at its next sync, and after agent, head office,
 * agent the two are in step again with every order at the head office exactly once.
 */
class RestoredAgentTest {

    private static final String SPECIAL_PRICES_OF_A01 = """
            SELECT p.customer_code, p.product_code, p.price, p.discount FROM special_price p
            JOIN customer c ON c.code = p.customer_code WHERE c.agent_code = 'A01' ORDER BY 1, 2""";
    private static final String ORDERS = "SELECT series, number FROM customer_order WHERE series = 'A01'"
            + " AND status <> 'DRAFT' ORDER BY number";
    private static final String RESTORED = "SELECT COUNT(*) FROM journal WHERE event = 'RESTORED'";

    @RegisterExtension
    final Company company = Company.afterFirstSyncs("A01");

    @Test
    void theAgentAsksForItsDataInFullAndIsInStepAfterAgentHeadOfficeAgent() {
        Path backup = roundsAroundABackup();

        company.restoreAgent("A01", backup);
        company.advance(Duration.ofMinutes(5));
        SyncReport restored = company.sync("A01");
        SyncReport headOffice = company.syncHeadOffice();
        SyncReport caughtUp = company.sync("A01");

        assertThat(restored.warnings()).anySatisfy(w -> assertThat(w).contains(
                "this station's database is behind what it had reached at its last sync",
                "asks it for this agent's data in full (as sincro sync --full)"));
        assertThat(headOffice.problems()).isEmpty();
        assertThat(caughtUp.problems()).isEmpty();
        assertThat(caughtUp.received()).anySatisfy(t -> assertThat(t.packageName()).startsWith("HQ_to_A01_"));
        PackageStream own = PackageStream.toAgent("A01");
        long written = company.hq.inTransaction(c -> new ExportedPackages().last(c, own));
        long imported = company.agent("A01").inTransaction(c -> new ImportedPackages().last(c, own));
        assertThat(imported).isEqualTo(written);
        assertThat(Sql.rows(company.agent("A01"), SPECIAL_PRICES_OF_A01))
                .isEqualTo(Sql.rows(company.hq, SPECIAL_PRICES_OF_A01));
        assertThat(Sql.count(company.agent("A01"), RESTORED)).isEqualTo(1);
        assertThat(Sql.count(company.hq, RESTORED)).isEqualTo(1);
    }

    @Test
    void everyOrderSentBeforeTheBackupIsAtTheHeadOfficeOnce() {
        Path backup = roundsAroundABackup();
        List<List<String>> before = Sql.rows(company.hq, ORDERS);

        company.restoreAgent("A01", backup);
        company.advance(Duration.ofMinutes(5));
        company.sync("A01");
        List<SyncReport> later = settle();

        assertThat(later).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        assertThat(Sql.rows(company.hq, ORDERS)).isEqualTo(before).hasSize(4).doesNotHaveDuplicates();
        assertThat(Sql.rows(company.hq, SPECIAL_PRICES_OF_A01))
                .isEqualTo(Sql.rows(company.agent("A01"), SPECIAL_PRICES_OF_A01));
    }

    @Test
    void aDraftMadeBeforeTheBackupSurvivesTheFullPackage() {
        AgentStation a01 = company.work("A01");
        Order draft = a01.orders().create("C00001", "not finished yet");
        a01.orders().addLine(draft.number(), NewLine.of("P00003", "7"));
        Path backup = roundsAroundABackup();

        company.restoreAgent("A01", backup);
        company.advance(Duration.ofMinutes(5));
        company.sync("A01");
        settle();

        assertThat(Sql.rows(company.agent("A01"), "SELECT status, notes FROM customer_order WHERE series = '"
                + draft.number().series() + "' AND number = " + draft.number().number()))
                .containsExactly(List.of("DRAFT", "not finished yet"));
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM customer_order WHERE notes = 'not finished yet'"))
                .isZero();
    }

    @Test
    void theHeadOfficeSeesTheAgentsAcknowledgementGoBackAndSendsItsStreamInFull() throws Exception {
        Path record = company.folder("A01").resolve("sync.state");
        round(company.work("A01"), 1);
        byte[] recordThen = Files.readAllBytes(record);
        Path backup = company.backUpAgent("A01");
        for (int round = 2; round <= 4; round++) {
            round(company.work("A01"), round);
        }

        company.restoreAgent("A01", backup);
        Files.write(record, recordThen);
        company.advance(Duration.ofMinutes(5));
        // unaware of the restore, A01 learns of it only from the head office's next package
        company.hq.useTransaction(c -> new SpecialPrices().save(c, new SpecialPrice("C00001", "P00082",
                new BigDecimal("41.00"), BigDecimal.ZERO, company.hqClock.instant(), "HQ")));
        company.syncHeadOffice();
        List<String> headOffice = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            company.sync("A01");
            headOffice.addAll(company.syncHeadOffice().warnings());
        }
        List<SyncReport> later = settle();

        assertThat(headOffice).anySatisfy(w -> assertThat(w).contains("acknowledges package",
                "of HQ_to_A01", "agent A01's database went back (restored from a backup)",
                "This sync sends HQ_to_A01 in full"));
        assertThat(Sql.count(company.hq, RESTORED)).isEqualTo(1);
        assertThat(later).allSatisfy(r -> assertThat(r.problems()).isEmpty());
        assertThat(Sql.rows(company.agent("A01"), SPECIAL_PRICES_OF_A01))
                .isEqualTo(Sql.rows(company.hq, SPECIAL_PRICES_OF_A01));
        assertThat(Sql.rows(company.hq, ORDERS)).hasSize(4).doesNotHaveDuplicates();
    }

    /** Round 1, a backup of A01's database, rounds 2 to 4; returns the backup. */
    private Path roundsAroundABackup() {
        round(company.work("A01"), 1);
        Path backup = company.backUpAgent("A01");
        for (int round = 2; round <= 4; round++) {
            round(company.work("A01"), round);
        }
        return backup;
    }

    /**
     * One round: A01 submits an order and edits a special price, the head office edits another
     * later; A01, the head office and A01 sync.
     */
    private void round(AgentStation a01, int round) {
        company.advance(Duration.ofMinutes(10));
        Order order = a01.orders().create("C00001", "round " + round);
        a01.orders().addLine(order.number(), NewLine.of("P00001", String.valueOf(round)));
        a01.orders().submit(order.number());
        a01.prices().setSpecialPrice("C00001", "P0000" + round, new BigDecimal("1" + round + ".50"), BigDecimal.ZERO);
        company.advance(Duration.ofMinutes(1));
        company.hq.useTransaction(c -> new SpecialPrices().save(c, new SpecialPrice("C00001", "P00081",
                new BigDecimal("3" + round + ".00"), BigDecimal.ZERO, company.hqClock.instant(), "HQ")));
        company.sync("A01");
        company.syncHeadOffice();
        company.sync("A01");
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
