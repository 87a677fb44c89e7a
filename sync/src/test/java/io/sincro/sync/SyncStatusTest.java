package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.agent.orders.AgentOrders;
import io.sincro.agent.orders.NewLine;
import io.sincro.db.orders.OrderNumber;

/** What the ledger says of each agent's exchange, as {@code sincro hq agents} shows it, after real syncs. */
class SyncStatusTest {

    /** The sample company with agent A01's station prepared, and their mailbox. */
    @RegisterExtension
    final Company company = Company.withAgents("A01");

    @Test
    void beforeAnySyncNoAgentHasSentOrAcknowledgedAnything() {
        assertThat(status().agents())
                .extracting(AgentExchange::agentCode, AgentExchange::lastReceived, AgentExchange::lastReceivedAt,
                        AgentExchange::lastAcknowledged)
                .containsExactly(tuple("A01", 0L, null, 0L), tuple("A02", 0L, null, 0L), tuple("A03", 0L, null, 0L));
        assertThat(status().agents().get(0).daysSinceLastSync(company.hqClock.instant())).isEmpty();
    }

    @Test
    void anAgentsLastPackageAndAcknowledgementShowOnceTheHeadOfficeImportedThem() {
        company.syncHeadOffice();
        company.sync("A01");
        company.advance(Duration.ofHours(1));
        AgentOrders orders = company.work("A01").orders();
        OrderNumber order = orders.create("C00001", null).number();
        orders.addLine(order, NewLine.of("P00081", "2"));
        orders.submit(order);
        company.sync("A01");
        company.advance(Duration.ofHours(1));
        Instant importedAt = company.hqClock.instant();
        company.syncHeadOffice();
        company.advance(Duration.ofDays(4));

        AgentExchange a01 = status().agents().get(0);

        assertThat(a01.agentCode()).isEqualTo("A01");
        assertThat(a01.lastReceived()).as("its acknowledgement, then its order").isEqualTo(2);
        assertThat(a01.lastReceivedAt()).isEqualTo(importedAt);
        assertThat(a01.lastAcknowledged()).as("the head office's first package to it").isEqualTo(1);
        assertThat(a01.daysSinceLastSync(company.hqClock.instant())).hasValue(4);
        assertThat(status().agents().get(1).lastReceived()).isZero();
    }

    @Test
    void eachAgentsHealthSaysHowLongSinceItsLastPackageAndWhatItsClockWasThen() {
        company.syncHeadOffice();
        // A01's laptop clock runs two hours ahead of the head office's
        company.clock("A01").advance(Duration.ofHours(2));
        company.sync("A01");
        company.syncHeadOffice();
        company.advance(Duration.ofDays(4));

        List<AgentStanding> health = status().standings(company.hqClock.instant(), 3, SyncOptions.defaults().clockTolerance());

        AgentStanding a01 = health.get(0);
        assertThat(a01.agent().agentCode()).isEqualTo("A01");
        assertThat(a01.days()).hasValue(4);
        assertThat(a01.overdue()).as("4 days, more than 3").isTrue();
        assertThat(a01.stuck()).isEmpty();
        assertThat(a01.clock()).get().asString().contains("ahead of").contains("A01_to_HQ_000000001.sincro");
        assertThat(health.get(1).never()).isTrue();
        assertThat(health.get(1).overdue()).isFalse();
        assertThat(health).allMatch(AgentStanding::inTrouble);
        AgentStanding withinAge = status().standings(company.hqClock.instant(), 5, SyncOptions.defaults().clockTolerance())
                .get(0);
        assertThat(withinAge.overdue()).isFalse();
        assertThat(withinAge.trouble()).as("not overdue within 5 days, but its clock is off")
                .get().asString().startsWith("clock off: at least 2 hours ahead of the head office's");
        assertThat(withinAge.reportedTrouble()).isEqualTo(withinAge.trouble());
    }

    @Test
    void daysSinceLastSyncCountsWholeDaysAndNeverGoesBelowZero() {
        AgentExchange synced = new AgentExchange("A01", 3, Instant.parse("2026-03-07T13:00:00Z"), 3);

        assertThat(synced.daysSinceLastSync(Instant.parse("2026-03-10T12:59:00Z"))).hasValue(2);
        assertThat(synced.daysSinceLastSync(Instant.parse("2026-03-10T13:00:00Z"))).hasValue(3);
        assertThat(synced.daysSinceLastSync(Instant.parse("2026-03-07T12:00:00Z")))
                .as("the head office's clock behind the package's import time").isEqualTo(OptionalLong.of(0));
    }

    @Test
    void aRefusedPackageIsListedAsSetAsideWithItsFolder() throws Exception {
        assertThat(statusOf("A01").setAside().names()).isEmpty();
        company.syncHeadOffice();
        Path own = company.served("SincroSede/A01").resolve("HQ_to_A01_000000001.sincro");
        Files.write(own, new byte[] {'P', 'K', 3, 4, 0});

        company.sync("A01");

        SyncStatus.SetAside setAside = statusOf("A01").setAside();
        assertThat(setAside.names()).containsExactly("HQ_to_A01_000000001.sincro");
        assertThat(setAside.folder()).isEqualTo(company.folder("A01").resolve("rejected"));
    }

    private SyncStatus status() {
        return new SyncStatus(company.hq, company.root.resolve("hq"));
    }

    private SyncStatus statusOf(String agent) {
        return new SyncStatus(company.agent(agent), company.folder(agent));
    }
}
