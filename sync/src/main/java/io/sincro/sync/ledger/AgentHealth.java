package io.sincro.sync.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import io.sincro.format.PackageName;
import io.sincro.format.StationNotes.ClockSeen;
import io.sincro.format.StationNotes.SyncHealth;

/**
 * One agent's row of agent_health. At the head office: how the agent's syncs stand as its last
 * package said ({@code healthIn}, written at {@code healthAt} by the agent's clock), its clock as
 * the head office saw it, and the figure last told to the agent. At an agent station (its own code):
 * the health it last sent, and its clock as the head office told it.
 */
public record AgentHealth(String agentCode, Optional<PackageName> healthIn, Instant healthAt, SyncHealth health,
                          Optional<ClockSeen> clock, Instant clockSeenAt, OptionalLong clockTold) {

    public AgentHealth {
        Objects.requireNonNull(agentCode, "agentCode");
        Objects.requireNonNull(healthIn, "healthIn");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(clockTold, "clockTold");
    }
}
