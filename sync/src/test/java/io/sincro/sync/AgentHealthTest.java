package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.format.StationNotes;
import io.sincro.sync.ledger.AgentHealth;

/**
 * Each agent's packages say how its syncs stand, so the head office sees an agent stuck at its own
 * station; and the head office's packages tell the agent how far off its clock was seen.
 */
class AgentHealthTest {

    @RegisterExtension
    final Company company = Company.afterFirstSyncs("A01");

    @Test
    void aPackageSetAsideAtTheAgentIsSeenAtTheHeadOffice() throws IOException {
        new Republishing(company.hq, company.hqClock).agent("A01");
        company.syncHeadOffice();
        Path served = company.served("SincroSede/A01/HQ_to_A01_000000002.sincro");
        byte[] bytes = Files.readAllBytes(served);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(served, bytes);
        SyncReport refused = company.sync("A01");

        SyncReport told = company.sync("A01");
        company.syncHeadOffice();

        assertThat(refused.problems()).singleElement().asString().startsWith("HQ_to_A01_000000002.sincro was refused (");
        assertThat(told.sent()).isNotEmpty();
        SyncStatus status = new SyncStatus(company.hq, company.root.resolve("hq"));
        AgentExchange exchange = status.agents().get(0);
        AgentHealth health = exchange.health().orElseThrow();
        assertThat(health.health().setAside()).isEqualTo(1);
        assertThat(health.health().waiting()).singleElement().satisfies(w -> {
            assertThat(w.stream().id()).isEqualTo("HQ_to_A01");
            assertThat(w.reason()).startsWith("HQ_to_A01_000000002.sincro was refused (");
        });
        assertThat(health.health().lastError()).map(StationNotes.Problem::text).get().asString()
                .contains("HQ_to_A01_000000002.sincro");
        assertThat(status.trouble(exchange, status.setAside(), company.hqClock.instant(), 3))
                .get().asString().startsWith("stuck at its station: HQ_to_A01 waits there: HQ_to_A01_000000002.sincro"
                        + " was refused (")
                .endsWith("; sincro packages at the agent says what to do");
    }

    @Test
    void anAgentWhoseClockIsAheadIsToldWithTheFigureAndWhatToDo() {
        company.clock("A01").advance(Duration.ofMinutes(40));
        company.work("A01").prices().setSpecialPrice("C00001", "P00081", new BigDecimal("30.00"), BigDecimal.ZERO);
        company.sync("A01");

        SyncReport seen = company.syncHeadOffice();
        SyncReport told = company.sync("A01");

        assertThat(seen.warnings()).anyMatch(w -> w.startsWith("the clock of agent A01 was at least 40 minutes ahead"));
        assertThat(told.warnings()).contains("the head office saw this computer's clock at least 40 minutes ahead of"
                + " its own (in A01_to_HQ_000000002.sincro): set this computer's date, time and time zone right (let"
                + " it take the time from the internet), then sync again; \"most recent wins\" for special prices"
                + " trusts this clock");
        SyncStatus a01 = new SyncStatus(company.agent("A01"), company.folder("A01"));
        assertThat(a01.clockWarning(Duration.ofMinutes(5))).isPresent();
        SyncStatus hq = new SyncStatus(company.hq, company.root.resolve("hq"));
        assertThat(hq.trouble(hq.agents().get(0), hq.setAside(), company.hqClock.instant(), 3, Duration.ofMinutes(5)))
                .contains("clock off: at least 40 minutes ahead of the head office's (seen in"
                        + " A01_to_HQ_000000002.sincro); the agent is told at its next sync: set its clock right");

        // set right: the head office sees it, and the agent's warning goes with the next package
        company.clock("A01").advance(Duration.ofMinutes(-40));
        company.work("A01").prices().setSpecialPrice("C00001", "P00081", new BigDecimal("31.00"), BigDecimal.ZERO);
        company.sync("A01");
        company.syncHeadOffice();
        SyncReport fine = company.sync("A01");

        assertThat(fine.warnings()).isEmpty();
        assertThat(a01.clockWarning(Duration.ofMinutes(5))).isEqualTo(Optional.empty());
    }

    @Test
    void aClockWithinTheToleranceIsNoNewsAndNoPackage() {
        company.clock("A01").advance(Duration.ofMinutes(2));
        company.work("A01").prices().setSpecialPrice("C00001", "P00081", new BigDecimal("30.00"), BigDecimal.ZERO);
        company.sync("A01");
        company.syncHeadOffice();
        company.sync("A01");

        SyncReport quiet = company.syncHeadOffice();

        assertThat(quiet.sent()).isEmpty();
        assertThat(company.sync("A01").warnings()).isEmpty();
    }
}
