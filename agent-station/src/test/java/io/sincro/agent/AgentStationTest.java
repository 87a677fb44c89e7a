package io.sincro.agent;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.agent.work.AgentWorkException;
import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.db.testing.TestClock;
import io.sincro.db.testing.TestDatabases;

class AgentStationTest {

    @TempDir
    Path dir;

    @Test
    void theHeadOfficeDatabaseIsNotAnAgentStation() {
        TestClock clock = TestClock.at("2026-03-02T08:00:00Z");
        try (Database headOffice = TestDatabases.create(dir.resolve("hq"), Station.headOffice(), clock)) {
            assertThatThrownBy(() -> new AgentStation(headOffice, clock))
                    .isInstanceOf(AgentWorkException.class)
                    .hasMessageContaining("is the head office's, and this is agent work; point database.path in"
                            + " sincro.properties at an agent station");
        }
    }
}
