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
 * @param trouble what {@code sincro hq agents --check} says is wrong with it, if anything: stuck here or
 *                at its station (as its own packages say), overdue, never synced, or its clock off
 */
public record AgentStanding(AgentContents agent, AgentExchange exchange, List<String> stuck, OptionalLong days,
                            boolean overdue, Optional<String> clock, Optional<String> trouble) {

    public AgentStanding {
        stuck = List.copyOf(stuck);
    }

    /** No package from the agent has arrived yet. */
    public boolean never() {
        return days.isEmpty();
    }

    /**
     * What is wrong that only the agent's own packages tell (stuck at its station, its clock off), when
     * nothing seen here (stuck here, never synced, overdue) comes first.
     */
    public Optional<String> reportedTrouble() {
        return stuck.isEmpty() && !never() && !overdue ? trouble : Optional.empty();
    }

    /** Stuck (here or at its station), overdue, never synced or its clock off: what {@code sincro hq agents --check} exits 1 for. */
    public boolean inTrouble() {
        return trouble.isPresent();
    }
}
