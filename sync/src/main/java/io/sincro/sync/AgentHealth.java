package io.sincro.sync;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.sincro.db.AgentContents;

/**
 * How one agent stands, as the head office sees it ({@code sincro hq agents} and the dashboard):
 * what it holds of the agent, how the exchange with it stands, and what is wrong with it.
 *
 * @param stuck  its packages set aside here (its stream waits until they are resolved), by name
 * @param days   whole days since its last package arrived; empty when none ever did
 * @param overdue whether that is more than sync.maxAgeDays
 * @param clock  the clock warning the import of its last package gave, if it gave one
 */
public record AgentHealth(AgentContents agent, AgentExchange exchange, List<String> stuck, OptionalLong days,
                          boolean overdue, Optional<String> clock) {

    public AgentHealth {
        stuck = List.copyOf(stuck);
    }

    /** No package from the agent has arrived yet. */
    public boolean never() {
        return days.isEmpty();
    }

    /** Stuck, overdue or never synced: what {@code sincro hq agents --check} exits 1 for. */
    public boolean inTrouble() {
        return !stuck.isEmpty() || never() || overdue;
    }
}
