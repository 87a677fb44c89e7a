package io.sincro.web.office.agents;

import java.util.List;

import io.sincro.sync.AgentStanding;
import io.sincro.sync.ledger.ExportedPackage;

/**
 * What the head office's dashboard shows.
 *
 * @param agents     each agent's health, in code order
 * @param maxAgeDays sync.maxAgeDays, past which an agent is overdue
 * @param queue      packages written and not yet uploaded, in the order they go
 * @param setAside   packages refused and set aside in rejected/, by name
 * @param done       the key of what the last action did (null: none), and its argument
 */
public record DashboardView(List<AgentStanding> agents, int maxAgeDays, List<ExportedPackage> queue,
                            List<String> setAside, String done, String doneArgument) {

    public DashboardView {
        agents = List.copyOf(agents);
        queue = List.copyOf(queue);
        setAside = List.copyOf(setAside);
    }

    /** How many agents are stuck, overdue or have never synced. */
    public long inTrouble() {
        return agents.stream().filter(AgentStanding::inTrouble).count();
    }
}
