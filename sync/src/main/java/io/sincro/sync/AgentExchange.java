package io.sincro.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import io.sincro.sync.ledger.AgentHealth;

/**
 * How the exchange with one agent stands, as the head office sees it.
 *
 * @param lastReceived     the last package of the agent's stream imported here, 0 when none
 * @param lastReceivedAt   when it was imported, null when none
 * @param lastAcknowledged the last package of the head office's stream to the agent that the agent
 *                         said it imported, 0 when none
 * @param health           how the agent's syncs stand as its last package said, and its clock as the
 *                         head office saw it; empty when no package said
 */
public record AgentExchange(String agentCode, long lastReceived, Instant lastReceivedAt, long lastAcknowledged,
                            Optional<AgentHealth> health) {

    public AgentExchange {
        Objects.requireNonNull(health, "health");
    }

    /** An exchange whose agent has said nothing about its syncs. */
    public AgentExchange(String agentCode, long lastReceived, Instant lastReceivedAt, long lastAcknowledged) {
        this(agentCode, lastReceived, lastReceivedAt, lastAcknowledged, Optional.empty());
    }

    /**
     * Whole days from the last package received from the agent to {@code now}, empty when none ever
     * arrived. An agent's sync that has nothing to send leaves no package, so this is the time since
     * the head office last heard from it.
     */
    public OptionalLong daysSinceLastSync(Instant now) {
        if (lastReceivedAt == null) {
            return OptionalLong.empty();
        }
        // a laptop clock ahead of the head office's must not make it "-1 days"
        return OptionalLong.of(Math.max(0, Duration.between(lastReceivedAt, now).toDays()));
    }
}
