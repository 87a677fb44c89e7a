package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.agent.orders.NewLine;
import io.sincro.db.orders.Order;
import io.sincro.db.testing.Sql;

/** A clock that runs behind is caught too: a station cannot acknowledge a package before it was written. */
class ClockWarningsTest {

    @RegisterExtension
    final Company company = Company.afterFirstSyncs("A01");

    @Test
    void anAgentClockFarBehindIsReportedInTheSyncAndTheJournal() {
        company.syncHeadOffice();
        company.clock("A01").advance(Duration.ofMinutes(-90));
        Order order = company.work("A01").orders().create("C00001", null);
        company.work("A01").orders().addLine(order.number(), NewLine.of("P00001", "3"));
        company.work("A01").orders().submit(order.number());
        company.sync("A01");

        SyncReport report = company.syncHeadOffice();

        assertThat(report.problems()).isEmpty();
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("the clock of agent A01 was at least")
                .contains("minutes behind this station's when it wrote A01_to_HQ_"));
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM journal WHERE event = 'CLOCK'")).isEqualTo(1);
    }

    @Test
    void aClockThatIsRightRaisesNoWarningHoweverLongThePackageWaited() {
        company.syncHeadOffice();
        company.sync("A01");
        company.advance(Duration.ofDays(2));

        SyncReport report = company.syncHeadOffice();

        assertThat(report.warnings()).isEmpty();
    }
}
