package io.sincro.office.agents;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * One line of the agents overview: what the head office holds of the agent, and how its sync stands.
 *
 * @param orders           every order of the agent's, also those the head office entered on its behalf
 * @param lastReceived     the highest package of the agent's stream to the head office (A01_to_HQ)
 *                         imported here, 0 when none
 * @param lastReceivedAt   when it was imported, null when none
 * @param lastAcknowledged the highest package of the head office's stream to the agent (HQ_to_A01)
 *                         the agent said it imported, 0 when none
 * @param ordersPending    the agent's orders received here and not yet exported to the back-end
 */
public record AgentSummary(String code, String name, String email, long customers, long specialPrices, long orders,
                           long lastReceived, Instant lastReceivedAt, long lastAcknowledged, long ordersPending) {

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
